### Chương trình nói chung: lỗi, thiết lập, ngôn ngữ.

error-line = lỗi: { $message }
config-lang-env-unknown = SPOTCHECK_LANG `{ $value }` không phải ngôn ngữ spotcheck hỗ trợ: đặt là `vi` hoặc `en`
config-lang-unknown = lang `{ $value }` không phải ngôn ngữ spotcheck hỗ trợ: viết `lang = "vi"` hoặc `lang = "en"`

## Nguồn của một thiết lập, như `spotcheck config` hiển thị.

source-default = mặc định
source-file = tệp cấu hình
source-env = biến môi trường { $name }
source-flag = tùy chọn { $name }
source-data-dir = thư mục dữ liệu của hệ điều hành
source-os-user = người dùng hệ điều hành
source-locale = ngôn ngữ hệ thống

## Phần lời bao quanh chi tiết của một lỗi.

error-config = tệp cấu hình `{ $path }`: { $problem }
error-logbook = sổ kiểm tra `{ $path }`: { $problem }
error-output = lỗi khi ghi kết quả: { $problem }
error-disk-full = ổ đĩa có thể đã đầy, hoặc tệp vượt quá kích thước hệ thống cho phép; hãy giải phóng bớt dung lượng rồi chạy lại lệnh (chưa có gì bị thay đổi)
error-server-password = hãy kiểm tra mật khẩu đưa qua `--password-file`, PGPASSWORD hoặc ~/.pgpass (không có gì bị thay đổi)
error-server-not-allowed = máy chủ không cho vai trò này kết nối từ đây: hãy hỏi người quản trị máy chủ (không có gì bị thay đổi)
error-server-unreachable = PostgreSQL có đang chạy ở đó không, và máy này có đang nối mạng không? Không có gì bị thay đổi; hãy chạy lại lệnh khi kết nối được tới máy chủ
error-server-certificate = chứng thư của máy chủ không được chấp nhận: hãy kiểm tra `sslrootcert` có chỉ đúng tổ chức đã ký chứng thư, và địa chỉ có ghi đúng tên máy chủ ghi trong chứng thư (không có gì bị thay đổi)
error-server-no-password = không tìm thấy mật khẩu cho vai trò này: hãy đưa mật khẩu qua `--password-file TỆP`, PGPASSWORD hoặc một dòng `MÁY_CHỦ:CỔNG:CƠ_SỞ_DỮ_LIỆU:VAI_TRÒ:MẬT_KHẨU` trong ~/.pgpass (không có gì bị thay đổi)
error-logbook-damaged = tệp sổ kiểm tra bị hỏng; spotcheck để nguyên tệp: hãy khôi phục từ bản sao lưu gần nhất (xem `spotcheck backup`)

## Tệp cấu hình.

config-cannot-read = không đọc được: { $problem }
config-position = dòng { $line }, cột { $column }
config-no-home = không có thư mục người dùng để lưu sổ kiểm tra: hãy chỉ định tệp bằng `--db FILE`
config-holiday-invalid = ngày nghỉ lễ không hợp lệ `{ $value }`: hãy viết ngày nghỉ lễ theo dạng `2022-05-02` hoặc `02/05/2022`
config-working-day-invalid = ngày làm bù không hợp lệ `{ $value }`: hãy viết ngày theo dạng `2026-01-10` hoặc `10/01/2026`
config-date-invalid = ngày không hợp lệ `{ $value }`: hãy viết ngày theo dạng `2026-04-15` hoặc `15/04/2026`
config-day-both-ways = ngày { $date } vừa có trong `holidays` vừa có trong `extra_working_days`: chỉ giữ ở một danh sách
config-replaced-year-unknown = replace_builtin_years: spotcheck không có sẵn lịch nghỉ của năm { $value }; các năm có sẵn là { $years } (với năm khác, hãy liệt kê các ngày trong `holidays` và `extra_working_days`)
config-season-backwards = lịch làm việc theo mùa kết thúc ngày { $to }, trước ngày bắt đầu { $from }: hãy đổi chỗ `from` và `to`
config-season-overlap = lịch làm việc theo mùa { $from } – { $to } trùng với lịch { $other_from } – { $other_to }: mỗi ngày chỉ thuộc một mùa
config-hours-out-of-order = giờ làm việc { $morning }–{ $morning_end } và { $afternoon }–{ $afternoon_end } không đúng thứ tự: mỗi buổi phải kết thúc sau khi bắt đầu, và buổi sáng kết thúc không muộn hơn giờ bắt đầu buổi chiều
config-team-level-unknown = cấp `{ $value }` của tổ kiểm tra không hợp lệ: hãy viết `level = "province"` (cấp tỉnh), `"commune"` (cấp xã), hoặc `"district"` (cấp huyện, cho tổ trước tháng 7/2025)
config-period-start-day-range = period_start_day `{ $value }` phải từ 1 đến 28
config-repeat-months-range = repeat_months `{ $value }` phải từ 1 đến 120

## Tệp ghi bằng `-o`, trang hướng dẫn, sổ kiểm tra tạo ở lần dùng đầu tiên.

main-output-no-directory = không ghi được `{ $path }`: thư mục `{ $dir }` không tồn tại
main-cannot-write = không ghi được `{ $path }`
main-cannot-write-because = không ghi được `{ $path }`: { $problem }
main-output-disk-full = ổ đĩa đã đầy, hoặc tệp vượt quá kích thước hệ thống cho phép; hãy giải phóng bớt dung lượng rồi chạy lại lệnh (chưa ghi gì)
main-writing = ghi tệp `{ $path }`
main-man-cannot-write = không ghi được trang hướng dẫn vào `{ $dir }`
main-man-written = đã ghi { $count } trang hướng dẫn vào { $dir }; đọc một trang bằng `man -l { $page }`
main-created-logbook = đã tạo sổ kiểm tra { $path }
main-creating-data-directory = tạo thư mục dữ liệu `{ $dir }`

## Thanh tiến trình; các giá trị là chỗ giữ chỗ của chính thanh đó.

main-progress-bytes = [{ $bar }] { $done }/{ $total }, còn { $eta }
main-progress-records = [{ $bar }] { $done }/{ $total } bản ghi, còn { $eta }
main-progress-rows = { $done } dòng ({ $elapsed })

## Lỗi khi gõ lệnh.

cli-error-unknown-command = không có lệnh '{ $command }'
cli-error-unknown-flag = không có tùy chọn '{ $flag }'
cli-error-bad-value = giá trị '{ $value }' không hợp lệ cho '{ $flag }'
cli-error-missing = còn thiếu tham số bắt buộc: { $flags }
cli-error-conflict = không dùng '{ $flag }' cùng với '{ $other }'
cli-error-did-you-mean = gợi ý: có phải là '{ $suggestion }' không?
cli-error-try-help = Gõ '--help' để xem thêm.
cli-error-separator = `{ $text }` không phải dấu phân cách: dùng `,` hoặc `;`
main-csv-options-without-csv = `--excel` và `--sep` chỉ dùng cho đầu ra CSV: thêm `--format csv` (hoặc bỏ hai tùy chọn này)

## Dates outside the calendar
main-date-out-of-calendar = `{ $value }` nằm ngoài lịch: spotcheck chỉ lưu ngày từ năm 0001 đến 9999
main-clock-out-of-calendar = { $name } `{ $value }` nằm ngoài lịch: hãy đặt ngày giờ từ năm 0001 đến 9999, như `2022-05-10T08:00`

## Ctrl-C during sql
main-sql-interrupted = truy vấn đã bị ngắt; sổ kiểm tra vẫn như cũ

## Output files: what is never written over, and a run stopped by Ctrl-C.

main-output-is-logbook = không ghi được `{ $path }`: đó là sổ kiểm tra `{ $db }` hoặc một tệp của chính sổ (`-wal`, `-shm`, `.key`), ghi vào sẽ làm hỏng sổ; hãy chọn tệp khác
main-output-is-directory = không ghi được `{ $path }`: đó là một thư mục; hãy đặt tên một tệp bên trong thư mục đó
main-interrupted = đã bị ngắt

## Backups: the journals beside the target.
main-sidecar-is-logbook = không ghi được `{ $path }`: `{ $file }` bên cạnh là sổ kiểm tra `{ $db }` hoặc một tệp của sổ, SQLite sẽ coi đó là nhật ký của bản sao; hãy chọn tệp khác

## Outputs: files that are not to be written over, links, two outputs in one file.
main-output-is-config = không ghi được `{ $path }`: đó là tệp cấu hình `{ $config }` mà spotcheck đã đọc cho lệnh này, ghi vào sẽ thay mất các thiết lập trong đó; hãy chọn tệp khác
main-sidecar-is-config = không ghi được `{ $path }`: `{ $file }` bên cạnh là tệp cấu hình `{ $config }`, SQLite sẽ coi đó là nhật ký của bản sao; hãy chọn tệp khác
main-output-link-nowhere = không ghi được `{ $path }`: đó là liên kết tượng trưng tới `{ $target }`, và thư mục `{ $dir }` không tồn tại; hãy tạo thư mục đó hoặc chọn tệp khác
main-outputs-same-file = `{ $flag } { $path }` và `{ $other_flag } { $other }` là cùng một tệp, kết quả này sẽ ghi đè kết quả kia; hãy chọn một tệp riêng cho mỗi kết quả
main-man-not-directory = không ghi được trang hướng dẫn vào `{ $dir }`: đó là một tệp, không phải thư mục; hãy chọn một thư mục, như `~/.local/share/man/man1`
main-output-no-room = ổ đĩa đã đầy, hoặc tệp vượt quá kích thước hệ thống cho phép
main-output-partly-written = không ghi được `{ $path }`: { $problem }; tệp đang được ghi đè tại chỗ nên giờ có thể chỉ chứa một phần kết quả mới và không còn gì của nội dung cũ, còn kết quả đầy đủ không được lưu ở đâu cả: hãy khắc phục rồi chạy lại lệnh
config-threshold-range = { $key } `{ $value }` phải là số ngày từ 1 đến { $most }
config-server-password = địa chỉ máy chủ chứa mật khẩu: hãy bỏ mật khẩu ra, và giữ mật khẩu trong ~/.pgpass (`MÁY_CHỦ:CỔNG:CƠ_SỞ_DỮ_LIỆU:VAI_TRÒ:MẬT_KHẨU`, `chmod 0600`) hoặc PGPASSWORD, nơi người dùng khác trên máy này không đọc được
config-team-word-unknown = cách gọi `{ $value }` của tổ, đoàn kiểm tra không hợp lệ: hãy viết `word = "tổ"` hoặc `word = "đoàn"`
