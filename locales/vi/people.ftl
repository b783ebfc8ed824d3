### sửa hồ sơ cán bộ: `person edit|merge|retire`, `person list --similar`

people-edited = đã sửa hồ sơ người số #{ $number }: { $changes }
people-unchanged = hồ sơ người số #{ $number } không đổi: các giá trị đã cho đúng như hồ sơ đang có
people-nothing-to-change = hãy cho biết sửa gì: `--name`, `--position`, `--unit`, `--status`, `--no-status` hoặc `--not-alias`
people-field-name = họ tên
people-field-position = chức vụ
people-field-unit = đơn vị
people-field-alias = tên khác của
people-field-left = rời đơn vị ngày
people-field-status = diện nhân sự
people-not-an-alias = người số #{ $number } không phải là tên khác của ai; `--not-alias` dùng để hoàn tác `person merge`
people-merged = đã gộp người số #{ $other } ({ $other_name }) vào #{ $keep } ({ $keep_name }): chuyển { $count } phát hiện; "{ $other_name }" từ nay chỉ #{ $keep }
people-merge-undo = để hoàn tác: gõ `spotcheck person edit '#{ $other }' --not-alias`, rồi `spotcheck edit N --person '#{ $other }'` cho từng phát hiện cần chuyển lại
people-retired = { $name } (#{ $number }) đã rời { $unit } ngày { $day }; hồ sơ vẫn giữ cho lịch sử và báo cáo, nhưng không còn được nhận khi gõ tên trong lượt kiểm tra
people-retired-already = { $name } (#{ $number }) đã rời đơn vị ngày { $day }
people-back = { $name } (#{ $number }) đã trở lại danh sách cán bộ của { $unit }
people-not-retired = { $name } (#{ $number }) chưa rời đơn vị; không có gì để hoàn tác
people-no-similar = không có hai người nào cùng đơn vị có tên chỉ khác nhau về dấu
people-similar-group = { $unit }: { $names }
people-similar-person = #{ $number } { $name }{ $left }: { $findings }
people-similar-left = , rời đơn vị { $day }
people-similar-no-findings = chưa có phát hiện
people-similar-finding = #{ $number } { $kind } { $day }
people-similar-void = đã hủy
people-similar-advice = nếu một phát hiện là về người kia: `spotcheck edit N --person '#M'`; nếu hai hồ sơ là cùng một người: `spotcheck person merge '#GIỮ' '#KHÁC'`
people-head-group = nhóm
