### Những gì người dùng nhập: ngày, giờ, tên

input-date-invalid = ngày không hợp lệ `{ $value }`: hãy nhập ngày theo dạng `10/05/2022`, `2022-05-10`, `hôm nay` hoặc `hôm qua`
input-date-no-such-month = ngày không hợp lệ `{ $value }`: không có tháng { $month }
input-date-no-such-month-day-first = ngày không hợp lệ `{ $value }`: không có tháng { $month }; ngày viết trước tháng, ví dụ `10/05/2022`
input-date-no-such-day = ngày không hợp lệ `{ $value }`: tháng { $month } năm { $year } không có ngày { $day }
input-time-invalid = giờ không hợp lệ `{ $value }`: hãy nhập giờ theo dạng `07:45`, `7h45`, `7g45`, `7 giờ 45` hoặc `7h`
input-time-out-of-range = giờ không hợp lệ `{ $value }`: giờ từ 0 đến 23, phút từ 0 đến 59
input-datetime-no-time = `{ $value }` chưa có giờ: hãy nhập cả ngày và giờ, ví dụ `{ $value } 07:45`
input-datetime-invalid = ngày giờ không hợp lệ `{ $value }`: hãy nhập theo dạng `10/05/2022 07:45`, `hôm qua 7 giờ 30` hoặc chỉ `07:45` nếu là hôm nay
input-month-invalid = tháng không hợp lệ `{ $value }`: hãy nhập tháng theo dạng `05/2022`, `2022-05`, `tháng này` hoặc `tháng trước`
input-month-no-such = tháng không hợp lệ `{ $value }`: không có tháng { $month }
input-day-of-year-invalid = ngày trong năm không hợp lệ `{ $value }`: hãy nhập theo dạng `15/04` (ngày/tháng) hoặc `04-15` (tháng-ngày)
input-id-invalid = số hiệu không hợp lệ `{ $value }`: hãy nhập một số như `12` hoặc `#12`, hoặc ít nhất 8 chữ số hệ mười sáu của uid
input-clock-invalid = { $name } `{ $value }` không phải ngày giờ địa phương: hãy đặt theo dạng `2022-05-10T08:00`

## Tên trong một danh sách cố định: loại đơn vị, loại phát hiện, biện pháp xử lý.

input-unknown-unit-kind = không có loại đơn vị `{ $value }`: hãy nhập một trong các loại { $names }
input-week-invalid = `{ $value }` không phải là tuần làm việc (chỗ sai: `{ $part }`): hãy nhập các ngày từ `t2` đến `cn` (hoặc `mon` đến `sun`) hay khoảng ngày, thêm `:sáng` hoặc `:chiều` cho nửa ngày, cách nhau bằng dấu phẩy, ví dụ `t2-t6,t7:sáng`
input-unknown-finding-kind = không có loại phát hiện `{ $value }`: hãy nhập một trong các loại { $names }
input-unknown-action = không có biện pháp xử lý `{ $value }`: hãy nhập một trong các biện pháp { $names }
input-unknown-plan-period = không có kỳ kế hoạch `{ $value }`: hãy nhập một trong các kỳ { $names }

## Văn bản và con số, nhập tay hay nhập từ tệp: cùng một giới hạn.

input-text-too-long = dài { $bytes } byte; văn bản chỉ được dài tối đa { $most } byte ({ $kb } KB): hãy rút ngắn lại
input-text-control = chứa { $what ->
        [separator] ký tự ngắt dòng
       *[control] ký tự điều khiển
    } { $char } ở ký tự thứ { $position }: { $rule ->
        [free] văn bản được xuống dòng và có dấu tab nhưng không được chứa ký tự điều khiển nào khác
       *[line] tên, mã hay số hiệu chỉ là một dòng, không có ký tự điều khiển
    }; hãy nhập lại mà không có ký tự đó
input-text-invisible = không có gì hiển thị, chỉ có những ký tự như { $char } không hiện ra: hãy nhập tên bằng chữ
input-typed-text = `{ $flag }` { $problem }
input-figure-out-of-range = `{ $flag } { $value }` nằm ngoài giới hạn: chỉ từ { $least } đến { $most }

## Những ngày không thể sau hôm nay.

input-date-in-future = `{ $flag } { $value }` là ngày sau hôm nay ({ $today }): không thể ghi một ngày chưa đến
input-start-in-future = lượt kiểm tra không thể bắt đầu lúc { $start }: thời điểm đó ở sau bây giờ ({ $now }); lượt kiểm tra chỉ được ghi khi đã bắt đầu, hãy kiểm tra lại ngày, tháng và năm
input-quarter-invalid = quý không hợp lệ `{ $value }`: hãy nhập quý theo dạng `2026-Q3`, `Q3/2026`, `quý này` hoặc `quý trước`
input-quarter-no-such = quý không hợp lệ `{ $value }`: không có quý { $number }; một năm có các quý từ Q1 đến Q4
input-half-invalid = nửa năm không hợp lệ `{ $value }`: hãy nhập theo dạng `2026-H2` (6 tháng cuối năm), `H2/2026`, `nửa năm nay` hoặc `nửa năm trước`
input-half-no-such = nửa năm không hợp lệ `{ $value }`: không có H{ $number }; một năm có H1 (6 tháng đầu năm) và H2 (6 tháng cuối năm)
input-year-invalid = năm không hợp lệ `{ $value }`: hãy nhập năm theo dạng `2026`, `năm nay` hoặc `năm trước`
input-year-range = năm không hợp lệ `{ $value }`: lịch của sổ không có năm { $year }; hãy nhập năm từ 1 đến 9999
input-months-backwards = `--from { $from }` sau `--to { $to }`: hãy đưa tháng sớm hơn cho `--from`
input-unknown-excuse = không có lý do vắng `{ $value }`: hãy nhập một trong { $names }
input-unknown-delay-stage = không có khâu `{ $value }`: hãy nhập một trong { $names }
input-unknown-channel = không có hình thức nộp `{ $value }`: hãy nhập một trong { $names }
input-unknown-discipline-form = không có hình thức kỷ luật `{ $value }`: hãy nhập một trong { $names }
input-unknown-person-status = không có diện nhân sự `{ $value }`: hãy nhập một trong { $names }
