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
        [early] về sớm
        [absent] vắng
        [overdue] hồ sơ trễ hẹn
        [task] nhiệm vụ chưa hoàn thành
       *[other] vi phạm khác
    } (#{ $number })
records-void-not-editable = phát hiện #{ $number } đã hủy nên không thể sửa
records-no-arrival-time = phát hiện #{ $number } chưa có giờ đến để so sánh: hãy cho thêm `--arrived`
records-no-due-date = phát hiện #{ $number } chưa có ngày hẹn trả để tính: hãy cho thêm `--due`
records-edited = đã sửa phát hiện #{ $number } ({ $kind }): { $changes }
records-unchanged = phát hiện #{ $number } không thay đổi: các giá trị đưa ra trùng với giá trị đang có
records-void-needs-reason = hãy nêu lý do hủy phát hiện, ví dụ `--reason "ghi trùng"`
records-voided = đã hủy phát hiện #{ $number } ({ $kind }): { $detail } (lý do: { $reason })
records-no-history = chưa có mục lịch sử nào

term-created = tạo mới

## Kế hoạch: `plan set|list|clear`.

plan-every-unit = mọi đơn vị
plan-always = từ đầu, cho đến khi có kế hoạch khác
plan-from = từ { $from }
plan-until = đến { $to }
plan-from-to = từ { $from } đến { $to }
plan-set = { $outcome ->
        [changed] đã sửa kế hoạch #{ $id }: { $unit }, nay là
        [unchanged] kế hoạch #{ $id } đã như vậy: { $unit },
       *[added] kế hoạch #{ $id }: { $unit },
    } { $visits } lượt mỗi { $per }, { $months }
plan-none = chưa có kế hoạch nào: hãy đặt bằng `spotcheck plan set all --visits 1 --per quarter`
plan-cleared-reason = bỏ kế hoạch từ { $from }
plan-nothing-to-clear = { $unit } không có kế hoạch nào từ { $from } trở đi: không có gì để bỏ
plan-nothing-to-clear-own = { $unit } không có kế hoạch riêng từ { $from } trở đi: kế hoạch chung của mọi đơn vị áp dụng cho đơn vị này; muốn miễn, hãy gõ `spotcheck plan set { $code } --visits 0 --per month --from { $from }`
plan-ended = kế hoạch #{ $id } của { $unit } nay áp dụng { $months }
plan-voided = kế hoạch #{ $id } của { $unit } chưa bắt đầu: đã hủy

## Nhiệm vụ được giao: `task add|done|list|show|edit|void`.

task-added = nhiệm vụ #{ $id }: { $unit }, hạn { $due }: { $text }
task-void-not-editable = nhiệm vụ #{ $id } đã bị hủy: không sửa được nữa (xem `spotcheck task show { $id }`)
task-already-done = nhiệm vụ #{ $id } đã hoàn thành ngày { $done }; muốn sửa ngày, hãy gõ `spotcheck task edit { $id } --done NGÀY`
task-done-on-time = nhiệm vụ #{ $id } hoàn thành ngày { $done }, đúng hạn: { $unit }
task-done-late = nhiệm vụ #{ $id } hoàn thành ngày { $done }, trễ { $days } ngày ({ $working } ngày làm việc): { $unit }
task-none = không có nhiệm vụ nào phù hợp
task-days-late = { $days } ({ $working } ngày LV)
task-edited = đã sửa nhiệm vụ #{ $id }: { $changes }
task-unchanged = nhiệm vụ #{ $id } đã như vậy: không có gì thay đổi
task-voided = đã hủy nhiệm vụ #{ $id } ({ $unit }: { $text }): { $reason }

## Sửa đơn vị: `unit add --force`, `unit merge`, `unit retire`.

records-unit-same-name = đơn vị `{ $code }` đã có tên này: { $name }; một đơn vị thứ hai cùng tên nhiều khả năng chính là đơn vị đó được nhập lại (xem `spotcheck unit list`); nếu vẫn muốn thêm `{ $new }`, hãy gõ lại lệnh đó kèm `--force`
records-unit-retired-no-visits = đơn vị `{ $code }` ({ $name }) đã thôi sử dụng từ ngày { $day }: vẫn được giữ cho lịch sử và các báo cáo cũ nhưng không nhận lượt kiểm tra mới; nếu đơn vị vẫn được kiểm tra, trước hết hãy gõ `spotcheck unit retire { $code } --undo`
records-unit-merged-no-visits = đơn vị `{ $code }` ({ $name }) đã được gộp vào `{ $keep }` ({ $keep_name }): hãy kiểm tra ở đơn vị đó, ví dụ `spotcheck visit start { $keep }`
records-unit-already-retired = đơn vị `{ $code }` đã thôi sử dụng từ ngày { $day }
records-unit-not-retired = đơn vị `{ $code }` vẫn đang sử dụng: không có gì để hoàn tác
records-unit-moving = đang chuyển { $records } sang đơn vị khác
records-unit-merge-itself = `{ $code }` được nêu hai lần: hãy nêu đơn vị được giữ lại, rồi đến đơn vị gộp vào đó
records-unit-merge-into-merged = đơn vị `{ $keep }` đã được gộp vào `{ $into }`: hãy gộp vào đơn vị đó, ví dụ `spotcheck unit merge { $into } { $other }`
records-unit-merge-already = đơn vị `{ $other }` đã được gộp vào `{ $into }` từ trước
records-unit-merge-reason = gộp đơn vị { $other } vào { $keep }
records-unit-merge-plan-reason = gộp đơn vị { $other } vào { $keep }, đơn vị có kế hoạch #{ $plan } bắt đầu cùng tháng
records-unit-merge-joined = { $alias } (#{ $alias_number }) nay là tên khác của { $name } (#{ $number }), người nhận { $findings } phát hiện
records-unit-merge-plan-voided = đã hủy kế hoạch #{ $plan } của { $other }: kế hoạch #{ $kept } của { $keep } bắt đầu cùng tháng
records-unit-merged = đã gộp đơn vị { $other } vào { $keep }: chuyển { $visits } lượt kiểm tra, { $people } cán bộ ({ $joined } người được nhập với người cùng tên), { $plans } kế hoạch, { $tasks } nhiệm vụ
records-unit-retired = đã cho đơn vị { $code } ({ $name }) thôi sử dụng từ ngày { $day }: vẫn giữ cho lịch sử và các báo cáo cũ, không còn dùng cho lượt kiểm tra mới
records-unit-unretired = đơn vị { $code } ({ $name }) được dùng lại: có thể kiểm tra đơn vị này như trước
records-unit-unmerged = đơn vị { $code } ({ $name }) được dùng lại và không còn gộp vào { $keep }; những gì đã chuyển khi gộp vẫn thuộc { $keep }
records-unit-parent = , trực thuộc { $parent }
records-unit-week = , làm việc { $week }
records-unit-follows-seasons = , giờ riêng đổi theo mùa
records-no-left-time = phát hiện #{ $number } chưa có giờ về để so sánh: hãy cho thêm `--left`
records-form-needs-day = hình thức kỷ luật được quyết định vào một ngày: hãy cho thêm `--decided-on`, ví dụ `--decided-on 15/09/2026`
