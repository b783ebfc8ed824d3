### Đơn vị, cán bộ, danh sách và việc sửa sổ

## Đơn vị.

records-hours-default = mặc định
records-unit-needs-name = đơn vị cần có tên, ví dụ "UBND xã Tam Đại"
records-unit-added = đã thêm đơn vị { $code }: { $name } ({ $kind }; giờ vào làm sáng { $morning }, chiều { $afternoon })
records-unit-changed = đã sửa đơn vị { $code }: { $name } ({ $kind }; giờ vào làm sáng { $morning }, chiều { $afternoon })
records-no-units = chưa có đơn vị nào: thêm đơn vị bằng lệnh `spotcheck unit add CODE NAME`

## Cán bộ.

records-person-needs-name = cần có họ và tên cán bộ, ví dụ "Nguyễn Văn An"
records-person-added = đã thêm cán bộ #{ $number }: { $name }, { $unit }
records-person-added-with-position = đã thêm cán bộ #{ $number }: { $name } ({ $position }), { $unit }
records-no-people = chưa có cán bộ nào: cán bộ được thêm khi một phát hiện nêu tên, hoặc bằng lệnh `spotcheck person add UNIT NAME`

## Danh sách và việc sửa các phát hiện.

records-no-findings-match = không có phát hiện nào phù hợp
records-findings-count = { $count } phát hiện
records-flag-not-for-kind = `{ $flag }` không áp dụng cho phát hiện loại { $kind ->
        [late] đi muộn
        [absent] vắng không lý do
        [overdue] hồ sơ trễ hẹn
       *[other] vi phạm khác
    } (#{ $number })
records-void-not-editable = phát hiện #{ $number } đã hủy nên không thể sửa
records-no-arrival-time = phát hiện #{ $number } chưa có giờ đến để so sánh: hãy cho thêm `--arrived`
records-person-added-to-staff = đã thêm { $name } vào danh sách cán bộ của { $unit } (cán bộ #{ $number })
records-edited = đã sửa phát hiện #{ $number } ({ $kind }): { $changes }
records-unchanged = phát hiện #{ $number } không thay đổi: các giá trị đưa ra trùng với giá trị đang có
records-void-needs-reason = hãy nêu lý do hủy phát hiện, ví dụ `--reason "ghi trùng"`
records-voided = đã hủy phát hiện #{ $number } ({ $kind }): { $detail } (lý do: { $reason })
records-no-history = chưa có mục lịch sử nào

term-created = tạo mới
