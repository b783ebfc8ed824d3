### Nhập, xuất, hợp nhất sổ kiểm tra và truy vấn sql

## Đọc tệp nhập. Chương trình ghi `TỆP:DÒNG: ` ở đầu.

exchange-standard-input = đầu vào chuẩn
exchange-cannot-read = không đọc được `{ $path }`
exchange-file-empty = tệp trống
exchange-file-empty-header = tệp trống: dòng đầu tiên phải ghi tên các cột, như tệp do `spotcheck export { $records }` ghi ra
exchange-utf16 = tệp được lưu dạng UTF-16: hãy lưu lại dạng UTF-8 (chọn CSV UTF-8 trong mục Save As của bảng tính)
exchange-tab-separated = các cột được phân cách bằng dấu tab: hãy lưu tệp dạng CSV (phân cách bằng dấu phẩy hoặc dấu chấm phẩy), như tệp do `spotcheck export { $records }` ghi ra
exchange-header-nul = dòng tiêu đề có ký tự NUL, ký tự không có trong văn bản: hãy kiểm tra lại đây có phải tệp CSV lưu dạng UTF-8 không
exchange-header-not-utf8 = dòng tiêu đề không phải văn bản UTF-8: hãy lưu tệp dạng UTF-8
exchange-quote-not-closed-within = dấu ngoặc kép `"` mở ở hàng này chưa được đóng trong phạm vi { $mb } MB: hãy kiểm tra các dấu ngoặc kép trên dòng này
exchange-row-too-long = hàng dài quá { $mb } MB, trong khi các hàng của tệp xuất ngắn hơn nhiều: hãy kiểm tra lại đây có phải tệp CSV của spotcheck không
exchange-file-too-large = tệp lớn hơn { $gb } GB, mức tối đa của một lần nhập: hãy chia thành các tệp nhỏ hơn
exchange-quote-never-closed = dấu ngoặc kép `"` mở ở dòng này không được đóng: phần còn lại của tệp sẽ bị đọc thành một ô; hãy kiểm tra các dấu ngoặc kép trên dòng này
exchange-field-count = hàng có { $fields } trường nhưng dòng tiêu đề có { $columns } cột: hãy kiểm tra các dấu ngoặc kép và dấu phân cách trên dòng này
exchange-csv-unreadable = không đọc được: { $error }
exchange-csv-invalid = không phải CSV hợp lệ: { $error }

## Lỗi ở một ô hoặc một cột: `cột TÊN: VẤN ĐỀ`.

exchange-column = cột { $column }: { $problem }
exchange-empty-column-name = (trống)
exchange-unknown-column = không có cột này: tệp xuất `{ $records }` có các cột { $columns }
exchange-column-twice = xuất hiện hai lần trong dòng tiêu đề
exchange-column-missing = thiếu trong dòng tiêu đề: tệp `{ $records }` cần có ít nhất các cột { $columns }
exchange-cell-too-large = ô có { $bytes } byte; mỗi ô chỉ được tối đa { $kb } KB
exchange-not-utf8 = không phải văn bản UTF-8: hãy lưu tệp dạng UTF-8
exchange-cell-nul = có ký tự NUL, ký tự không có trong văn bản: hãy kiểm tra lại đây có phải tệp CSV lưu dạng UTF-8 không
exchange-empty = đang để trống
exchange-not-whole-number = `{ $text }` không phải số nguyên
exchange-at-least = `{ $text }` phải từ { $least } trở lên
exchange-not-stamp = `{ $text }` không phải mốc thời gian UTC dạng `2022-05-10T01:15:00.000Z`
exchange-not-uid = `{ $text }` không phải mã định danh (32 chữ số hệ mười sáu)
exchange-not-flag = `{ $text }` không phải 1 hoặc 0
exchange-uid-twice = `{ $uid }` xuất hiện hai lần trong tệp này
exchange-unit-code-changed = mã định danh này thuộc đơn vị `{ $code }` trong sổ kiểm tra: không được đổi mã của đơn vị
exchange-no-unit = sổ kiểm tra không có đơn vị `{ $code }`: hãy nhập các đơn vị trước, hoặc thêm đơn vị bằng `spotcheck unit add`
exchange-uid-other-person = mã định danh này thuộc cán bộ { $name } của { $unit } trong sổ kiểm tra
exchange-ended-before-started = sớm hơn started_at
exchange-present-over-roll = { $present } nhiều hơn on_roll { $on_roll }
exchange-no-visit = sổ kiểm tra không có lượt kiểm tra `{ $uid }`: hãy nhập các lượt kiểm tra trước
exchange-not-visit-unit = `{ $code }` không phải đơn vị của lượt kiểm tra `{ $visit }` (`{ $visit_unit }`)
exchange-other-kind = chỉ dùng cho phát hiện loại { $applies_to }, còn phát hiện này thuộc loại `{ $kind }`: hãy để trống
exchange-late-needs-person = phát hiện đi muộn phải ghi tên cán bộ
exchange-late-needs-minutes = phát hiện đi muộn phải có minutes_late hoặc arrived_at
exchange-not-late = giờ đến `{ $arrived }` không muộn hơn giờ bắt đầu `{ $expected }`: không đi muộn; nếu giờ bắt đầu khác, hãy ghi vào `expected_at`
exchange-absent-needs-person = phát hiện vắng phải ghi tên cán bộ
exchange-overdue-needs-file = phát hiện hồ sơ trễ hẹn phải ghi số hồ sơ
exchange-overdue-needs-due = phát hiện hồ sơ trễ hẹn phải ghi ngày hẹn trả
exchange-not-overdue = hồ sơ hẹn trả ngày { $due } và chưa quá hạn vào ngày { $as_of }: hãy kiểm tra `due_on`, `returned_on`, hoặc ghi `days_overdue` và `working_days_overdue`
exchange-other-needs-description = phát hiện vi phạm khác phải có nội dung mô tả
exchange-void-needs-reason = phát hiện đã hủy phải ghi lý do hủy
exchange-reason-without-void = đang để trống nhưng lại có void_reason

## Xuất, nhập, hợp nhất

exchange-records = { $records ->
        [units] đơn vị
        [people] cán bộ
        [visits] lượt kiểm tra
        [findings] phát hiện
        [plans] kế hoạch
        [tasks] nhiệm vụ
       *[other] { $records }
    }
exchange-export-format = lệnh export chỉ ghi CSV cho bảng tính: hãy bỏ `--format`; cần JSON hoặc Markdown thì dùng `spotcheck list --format json` hoặc `--format md`
exchange-progress-exporting = đang xuất
exchange-progress-importing = đang nhập { $records ->
        [units] đơn vị
        [people] cán bộ
        [visits] lượt kiểm tra
        [findings] phát hiện
        [plans] kế hoạch
        [tasks] nhiệm vụ
       *[other] { $records }
    }
exchange-imported = đã nhập { $records ->
        [units] đơn vị
        [people] cán bộ
        [visits] lượt kiểm tra
        [findings] phát hiện
        [plans] kế hoạch
        [tasks] nhiệm vụ
       *[other] { $records }
    } từ { $source }: { $new } mới, { $updated } cập nhật, { $unchanged } không đổi
exchange-nothing-to-import = không có gì thay đổi: cả { $total } { $records ->
        [units] đơn vị
        [people] cán bộ
        [visits] lượt kiểm tra
        [findings] phát hiện
        [plans] kế hoạch
        [tasks] nhiệm vụ
       *[other] { $records }
    } trong { $source } đều đã có trong sổ kiểm tra
# Nối vào cuối thông báo tệp không phải sổ kiểm tra.
exchange-merge-advice = ; hãy chỉ ra sổ kiểm tra của một cán bộ kiểm tra khác để hợp nhất
exchange-merge-itself = `{ $path }` chính là sổ kiểm tra này: hãy chỉ ra sổ kiểm tra của một cán bộ kiểm tra khác
exchange-progress-merging = đang hợp nhất { $source }
exchange-merge-nothing = không có gì thay đổi: mọi bản ghi trong { $source } đều đã có trong { $logbook }
exchange-merged = đã hợp nhất { $source } vào { $logbook }:
exchange-merge-conflicts = xung đột: bản ghi được sửa ở cả hai sổ kiểm tra; giữ lại lần sửa sau và cả hai phiên bản đều có trong lịch sử

## sql và schema

exchange-sql-param = `--param { $param }` không hợp lệ: hãy viết dạng `--param unit=tam-dai`
exchange-schema-view = khung nhìn
exchange-schema-columns = các cột
exchange-schema-example = ví dụ

## Xuất ra tệp Excel.

exchange-sheet-findings = phát hiện
exchange-sheet-visits = lượt kiểm tra
exchange-sheet-units = đơn vị
exchange-sheet-people = cán bộ
exchange-xlsx-written = đã ghi { $file }: { $rows } { $records ->
        [findings] phát hiện
        [visits] lượt kiểm tra
        [units] đơn vị
       *[people] cán bộ
    }
exchange-xlsx-failed = không tạo được tệp bảng tính: { $problem }
exchange-xlsx-too-many = một trang tính chứa tối đa { $rows } dòng: hãy xuất một khoảng thời gian ngắn hơn (`--month`, `--from`, `--to`) hoặc ghi ra CSV

## Kế hoạch, nhiệm vụ và phát hiện nhiệm vụ chưa hoàn thành.

exchange-sheet-plans = Kế hoạch
exchange-sheet-tasks = Nhiệm vụ
exchange-task-needs-task = phát hiện về nhiệm vụ phải có `task_uid` của nhiệm vụ: hãy nhập các nhiệm vụ trước (`spotcheck export tasks` xuất chúng)
exchange-no-task = không có nhiệm vụ mang mã `{ $uid }`: hãy nhập các nhiệm vụ trước
exchange-task-other-unit = nhiệm vụ được giao cho { $unit }, không phải đơn vị của lượt kiểm tra
exchange-task-not-late = nhiệm vụ có hạn ngày { $due }: vào ngày { $visit }, ngày kiểm tra, nhiệm vụ chưa quá hạn
exchange-plan-ends-before-it-starts = kế hoạch kết thúc trước tháng bắt đầu
exchange-plan-clash = sổ đã có kế hoạch của đơn vị đó bắt đầu từ tháng đó: hãy ghi `uid` của kế hoạch để sửa nó
exchange-task-due-before-assigned = hạn hoàn thành sớm hơn ngày giao nhiệm vụ
exchange-task-done-before-assigned = nhiệm vụ hoàn thành trước ngày được giao

## Những dòng muốn đổi điều không được đổi, và giới hạn của các con số.

exchange-kind-changed = phát hiện #{ $number } có uid này thuộc loại `{ $kind }`, không phải `{ $new }`: loại của một phát hiện không bao giờ đổi; hãy ghi phát hiện `{ $new }` thành một phát hiện mới và hủy #{ $number } nếu nó sai
exchange-void-not-editable = phát hiện #{ $number } đã hủy nên không thể thay đổi: hãy để cột này đúng giá trị đang có trong sổ (`spotcheck show { $number }`)
exchange-at-most = `{ $text }` không được lớn hơn { $most }
exchange-void-task-not-editable = nhiệm vụ #{ $id } đã bị hủy nên không thể thay đổi: hãy để cột này đúng giá trị đang có trong sổ (`spotcheck task show { $id }`)
exchange-working-over-calendar = { $working } ngày làm việc quá hạn nhiều hơn { $days } ngày quá hạn theo lịch: ngày làm việc được đếm trong số ngày theo lịch, nên hãy ghi nhiều nhất { $days }
exchange-void-changed = bản ghi này đã bị hủy lúc { $at } với lý do “{ $reason }”, và việc hủy không bao giờ thay đổi: hãy để cột này đúng giá trị đang có trong sổ kiểm tra, hoặc để trống cả `voided_at` và `void_reason`
exchange-visit-moved = lượt kiểm tra #{ $number } có uid này được thực hiện tại { $unit } (`{ $code }`), và một lượt kiểm tra không bao giờ chuyển sang đơn vị khác: hãy ghi `{ $code }` ở đây, hoặc ghi lượt kiểm tra tại đơn vị kia thành một lượt mới
exchange-received-after-due = ngày nhận { $received } sau ngày hẹn trả { $due }: hãy kiểm tra `received_on` và `due_on`
exchange-merge-dangling = bản ghi `{ $of }` của sổ kiểm tra kia trỏ tới { $records } #{ $id }, mà sổ đó không có: hãy chạy `spotcheck check` trên sổ đó, rồi gộp lại
exchange-quote-swallowed-lines = có dấu xuống dòng, điều cột này không cho phép: có lẽ một dấu nháy `"` mở ở ô này trên dòng này không bao giờ được đóng, nên các dòng sau bị đọc vào ô; hãy kiểm tra các dấu nháy trên dòng này
exchange-no-person-uid = không có người `{ $uid }` trong sổ này: hãy nhập người đó trước (tệp liệt kê theo thứ tự, nên người được gộp vào phải đứng trước tên khác của họ)

## Đơn vị do việc gộp sổ thêm vào có thể trùng với đơn vị đã có.

exchange-merge-likely-duplicate = có thể trùng: đơn vị `{ $other }` ({ $other_name }) đã được thêm với mã riêng, trong khi đơn vị `{ $keep }` có cùng tên ({ $keep_name }); nếu đó là một đơn vị, hãy gõ `spotcheck unit merge { $keep } { $other }`
exchange-visit-void = lượt kiểm tra #{ $number } đã bị hủy và không sửa được nữa: hãy để dòng này đúng như trong sổ (`spotcheck visit show { $number }`)
exchange-merged-unit-needs-day = đơn vị đã sáp nhập vào đơn vị khác cần có ngày thôi hoạt động, ở cột `retired_on`
exchange-no-unit-uid = không có đơn vị `{ $uid }` trong sổ này hay trong tệp này: hãy nhập cả đơn vị mà đơn vị này được sáp nhập vào
exchange-no-parent-uid = không có đơn vị `{ $uid }` trong sổ này hay trong tệp này: hãy nhập cả đơn vị cấp trên của nó, hoặc để trống cột `parent_uid`

## Những gì một lần gộp nhận vào: sổ kia được kiểm tra như `check` kiểm tra.

# Dòng đầu của một lần gộp bị từ chối; các vấn đề theo sau, mỗi vấn đề một dòng.
exchange-merge-unverified = `{ $path }` không vượt qua các bước kiểm tra của `spotcheck check`: có { $count } vấn đề, nên chưa gộp gì:
exchange-merge-problem = {"  "}{ $record }: { $problem }
exchange-merge-more-problems = {"  "}… và { $count } vấn đề khác
exchange-merge-unverified-advice = để xem hết các vấn đề, gõ `spotcheck --db { $path } check`; để vẫn gộp, gõ `spotcheck merge { $path } --accept-unverified`
# Được ghi vào lịch sử bên cạnh mỗi thay đổi của một lần gộp dù sổ kia có vấn đề.
exchange-unverified-summary = { $count } vấn đề, đầu tiên: { $record }: { $problem }
exchange-merged-into-plain = lưu ý: `{ $path }` được mã hóa còn sổ này thì không: những gì vừa gộp từ sổ đó được lưu ở đây dưới dạng văn bản thường; để mã hóa cả sổ này, gõ `spotcheck --db { $logbook } encrypt`
exchange-merged-unverified = cảnh báo: đã gộp `{ $path }` dù sổ này không vượt qua các bước kiểm tra của `spotcheck check` ({ $summary }); lịch sử ghi rõ điều đó bên cạnh mỗi bản ghi được thêm vào hay thay đổi
exchange-decision-without-person = phát hiện không gắn với cá nhân nào thì không ghi kết quả xử lý kỷ luật: để trống `discipline_form`, `decision_ref`, `decided_on`, `decided_by` và `complex_case`
exchange-form-needs-day = hình thức kỷ luật phải có ngày quyết định, ở cột `decided_on`
exchange-other-excuse-needs-reason = vắng vì lý do khác phải ghi lý do, ở cột `description`
exchange-early-needs-person = phát hiện về sớm phải ghi tên cán bộ
exchange-early-needs-minutes = phát hiện về sớm phải có minutes_early hoặc left_at
exchange-not-early = giờ về `{ $left }` không sớm hơn giờ hết buổi `{ $end }`: không về sớm; nếu buổi làm việc hết vào giờ khác, hãy ghi vào `expected_at`
exchange-xlsx-not-csv = `--xlsx` ghi ra sổ Excel, không phải CSV: bỏ `--excel` và `--sep`
