### Công việc tại đơn vị: lượt kiểm tra, phát hiện và tình hình chung.

field-name-needed = cần họ tên cán bộ, ví dụ "Nguyễn Văn An"
field-minutes-zero = `--minutes 0` không phải đi muộn: cho số phút sau giờ làm việc, ví dụ `--minutes 20`
field-arrival-needed = cho giờ đến với `--arrived 8:05`, hoặc số phút muộn với `--minutes 35`
field-not-late = giờ đến `{ $arrived }` không sau giờ làm việc `{ $expected }`: không đi muộn; nếu giờ làm việc khác, cho giờ đó với `--expected`
field-received-after-due = ngày nhận `{ $received }` sau ngày hẹn trả `{ $due }`: kiểm tra lại `--received` và `--due`
field-returned-on = trả ngày { $day }
field-checked-on = kiểm tra ngày { $day }
field-not-overdue = hồ sơ `{ $file }` không trễ hẹn: hẹn trả { $due }, { $when }; kiểm tra lại ngày hẹn trả (`--due`)
field-person-added = đã thêm { $name } vào danh sách cán bộ của { $unit } (cán bộ #{ $id })
field-did-you-mean-person = lưu ý: có phải là { $name } (cán bộ #{ $id }) không? Nếu đúng, gõ `spotcheck edit { $finding } --person "{ $name }"`
# Dòng báo sau khi ghi một phát hiện; $shape cho biết dòng có những thông tin nào.
field-logged = đã ghi #{ $id } { $kind }: { $shape ->
        [late] { $person }, { $unit }, { $minutes } phút
        [early] { $person }, { $unit }, { $minutes } phút
        [excused] { $person }, { $unit }{ $has_meeting ->
            [yes] , họp: { $meeting }
           *[no] {""}
        }, có lý do: { $excuse }
        [absent] { $person }, { $unit }
        [absent-meeting] { $person }, { $unit }, họp: { $meeting }
        [with-person] { $detail }, { $person }, { $unit }
       *[other] { $detail }, { $unit }
    }
field-file-ref-needed = cần số hồ sơ, ví dụ `HS-2022-0012`
field-description-needed = ghi rõ sự việc, ví dụ "không đeo thẻ công chức"
field-present-over-roll = `--present { $present }` lớn hơn `--on-roll { $on_roll }`: kiểm tra lại hai con số
field-visit-still-open = lượt kiểm tra #{ $id } tại { $unit } chưa kết thúc; kết thúc bằng `spotcheck visit end --visit { $id }`
field-visit-started = đã bắt đầu lượt kiểm tra #{ $id } tại { $unit }, { $when } ({ $kind }); các phát hiện được ghi vào lượt này cho đến khi gõ `spotcheck visit end`
field-no-visit-to-end = không có lượt kiểm tra đang mở để kết thúc: chỉ rõ lượt với `--visit ID` (xem `spotcheck visit list`)
field-end-before-start = giờ kết thúc `{ $end }` trước giờ bắt đầu lượt kiểm tra ({ $start }): cho giờ kết thúc với `--at`
field-visit-ended = đã kết thúc lượt kiểm tra #{ $id } tại { $unit }, { $when }, { $count } phát hiện
field-no-visits = không có lượt kiểm tra nào phù hợp
field-no-visit-to-show = không có lượt kiểm tra đang mở: chỉ rõ lượt, ví dụ `spotcheck visit show 3` (xem `spotcheck visit list`)
field-from-after-to = `--from { $from }` sau `--to { $to }`: ngày đầu phải đứng trước

## Nội dung phát hiện, trên một dòng.

detail-late-at = { $minutes } phút (đến { $arrived }, giờ làm việc { $expected })
detail-late = { $minutes } phút
detail-early-at = { $minutes } phút (về { $left }, hết buổi { $end })
detail-early = { $minutes } phút
detail-excused = { $what }, có lý do: { $excuse }{ $given ->
        [yes] {" "}({ $reason })
       *[no] {""}
    }
detail-meeting = họp: { $meeting }
detail-work-day = ngày làm việc
detail-overdue = { $file }: { $days } ngày ({ $working } ngày làm việc)
detail-overdue-procedure = { $file }: { $days } ngày ({ $working } ngày làm việc), { $procedure }
detail-other = { $description }
detail-other-category = { $description } [{ $category }]

## Quản lý sổ kiểm tra: init, config, backup, check, status.

care-created = đã tạo sổ kiểm tra { $path } (phiên bản cấu trúc { $version })
care-ready = sổ kiểm tra { $path } đã sẵn sàng (phiên bản cấu trúc { $version } trên { $newest })
care-config-found = có
care-config-not-found = không có (dùng giá trị mặc định)
care-none = không có
care-backup-exists = `{ $file }` đã có: đặt tên tệp mới, hoặc thêm `--force` để ghi đè
care-no-directory = không ghi được `{ $file }`: thư mục `{ $dir }` không tồn tại
care-cannot-write = không ghi được `{ $file }`
care-writing = đang ghi `{ $file }`
care-backed-up = đã sao lưu { $db } sang { $file }
care-backup-key-file = bản sao được mã hóa bằng khóa của sổ; tệp khóa của bản sao là { $key_file }
care-backup-key-file-damaged = bản sao được mã hóa bằng khóa của sổ, nhưng không có tệp khóa nào được đặt cạnh nó: { $damage }
care-backup-no-key-file = bản sao được mã hóa bằng khóa của sổ, mà chỉ kho khóa của máy này giữ: sổ không có tệp khóa để đặt cạnh bản sao
care-key-changed = đã đổi khóa của sổ kiểm tra { $path }
care-logbook-hard-links = có { $links } tên (liên kết cứng), và các tên kia sẽ vẫn giữ tệp cũ: hãy xóa các tên kia trước (tìm bằng `find / -samefile SỔ`)
care-encrypt-exists = { $path } đã có: để mã hóa một sổ đã có, hãy chạy `spotcheck encrypt`
care-already-encrypted = { $path } đã được mã hóa; muốn đổi khóa và cụm mật khẩu, hãy chạy `spotcheck key change`
care-not-encrypted = { $path } chưa được mã hóa; không có gì bị thay đổi
care-created-encrypted = đã tạo sổ kiểm tra được mã hóa { $path }
care-encrypted = đã mã hóa sổ kiểm tra { $path }
care-decrypted = đã giải mã sổ kiểm tra { $path }: sổ lại là tệp SQLite thường, và tệp khóa đã được xóa
care-key-kept = khóa của sổ được giữ trong kho khóa của máy này và, được khóa bằng cụm mật khẩu của bạn, trong { $key_file }: hãy giữ một bản tệp đó cùng các bản sao lưu, và nhớ cụm mật khẩu
care-key-file-only = khóa của sổ chỉ được giữ, khóa bằng cụm mật khẩu của bạn, trong { $key_file }: hãy giữ một bản tệp đó cùng các bản sao lưu, và nhớ cụm mật khẩu; thiếu một trong hai thì không mở được sổ
care-plain-copy-left = { $file }, bản sao do một lần nâng cấp tạo ra, vẫn chưa được mã hóa: hãy xóa nếu không cần
care-not-a-seal = `{ $seal }` không phải mã kiểm chứng: mã kiểm chứng là 64 chữ số hệ mười sáu do `spotcheck check` hoặc báo cáo in ra; hãy cho đủ cả 64 chữ số
care-seal = mã kiểm chứng { $seal } (mục lịch sử #{ $seq })
care-no-seal = chưa có lịch sử nên chưa có mã kiểm chứng
care-check-ok = tốt: { $records } bản ghi khớp với { $entries } mục lịch sử; { $head }
care-seal-confirmed = mã kiểm chứng `{ $seal }` được xác nhận: phần lịch sử mà mã này chứng thực không bị sửa đổi
care-broken-head = mục lịch sử cuối là { $seal } (mục #{ $seq }), nhưng lịch sử đã bị hỏng nên không có mã kiểm chứng
care-check-failed = kiểm tra thấy { $count } vấn đề; { $head }
care-not-made = chưa tạo
care-next-first-unit = spotcheck unit add CODE NAME --kind commune   (tạo sổ kiểm tra)
care-current-visit = #{ $id } { $unit } ({ $code }), từ { $since }, { $count } phát hiện

## Nhập theo từng câu hỏi: `spotcheck add`.

add-kind-late = đi muộn
add-kind-absent = vắng mặt trong giờ làm việc hoặc cuộc họp
add-kind-overdue = hồ sơ trễ hẹn (quá ngày hẹn trả cho công dân)
add-kind-other = vi phạm khác
add-kind-unfinished = nhiệm vụ được giao chưa hoàn thành đúng hạn
add-action-none = chưa xử lý
add-action-reported = nêu trong báo cáo
add-action-reminded = nhắc nhở
add-action-criticised = phê bình
add-action-review = yêu cầu kiểm điểm
add-action-discipline = đề nghị kỷ luật
add-no-units = chưa có đơn vị nào: thêm đơn vị bằng `spotcheck unit add CODE NAME`, rồi gõ lại `spotcheck add`
add-which-unit = Chưa có lượt kiểm tra nào đang mở. Anh/chị đang kiểm tra đơn vị nào?
add-what-found = Phát hiện gì?
add-which-task = Nhiệm vụ nào?
add-who = Ai?
add-who-optional = Ai? (có thể bỏ trống)
add-arrived-at = Đến lúc mấy giờ (GG:PP)?
add-which-meeting = Vắng cuộc họp nào? (bỏ trống: vắng trong giờ làm việc)
add-file-ref = Số hồ sơ?
add-promised-on = Ngày hẹn trả cho công dân (ngày/tháng/năm)?
add-procedure = Thủ tục? (có thể bỏ trống)
add-officer = Cán bộ phụ trách? (có thể bỏ trống)
add-what-was-it = Sự việc là gì?
add-action-taken = Hình thức xử lý?
add-answer-needed = cần có câu trả lời
add-stopped = đã dừng: chưa ghi gì
add-cannot-ask = không hỏi được trên cửa sổ dòng lệnh này: { $problem }
add-no-terminal = `spotcheck add` đặt câu hỏi trên cửa sổ dòng lệnh; khi không có, hãy ghi phát hiện bằng lệnh: `spotcheck late NAME --arrived 8h05`, `spotcheck absent NAME`, `spotcheck overdue REF --due DATE` hoặc `spotcheck other TEXT`
add-not-a-command = các câu trả lời không tạo thành lệnh: { $problem }
add-the-same-as-a-command = lần sau có thể gõ thẳng lệnh sau:

## Nhiệm vụ được giao chưa hoàn thành, phát hiện khi kiểm tra.

detail-task = nhiệm vụ #{ $task }: { $text }; quá hạn { $days } ngày ({ $working } ngày làm việc)
field-task-other-unit = nhiệm vụ #{ $task } giao cho { $task_unit }, nhưng lượt kiểm tra là tại { $unit }: hãy ghi vào một lượt kiểm tra { $task_unit }, dùng `--visit`
field-task-was-done = nhiệm vụ #{ $task } đã hoàn thành ngày { $done }, trước lượt kiểm tra ngày { $visit }: không có gì chưa hoàn thành để ghi
field-task-not-due = nhiệm vụ #{ $task } có hạn ngày { $due }: vào ngày kiểm tra { $visit } vẫn chưa quá hạn
add-no-command = dòng này không có lệnh nào
field-took-person = đã hiểu "{ $typed }" là { $name } (#{ $id })
field-person-added-unaccented = lưu ý: tên này không có dấu; nếu tên thật có dấu, gõ `spotcheck person edit '#{ $id }' --name "…"` để sửa
field-person-near = trong danh sách cán bộ còn có: { $people }; nếu định ghi về một trong số đó, gõ `spotcheck edit { $finding } --person '#{ $first }'`

# Một phát hiện trùng mọi chi tiết với một phát hiện trước đó trong cùng lượt kiểm tra; $about
# cho biết hai phát hiện nói về ai, về gì.
field-logged-twice = lưu ý: #{ $twin } đã ghi đúng điều này { $about ->
        [file] về hồ sơ { $file } trong lượt kiểm tra này
        [task] về nhiệm vụ #{ $task } trong lượt kiểm tra này
        [none] trong lượt kiểm tra này
       *[person] về { $person } trong lượt kiểm tra này
    }; nếu phát hiện này bị ghi hai lần, gõ `spotcheck void { $finding } --reason "ghi trùng"`
## Giờ của lượt kiểm tra theo đúng ý người nhập; sửa hoặc hủy một lượt kiểm tra.

field-end-in-future = lượt kiểm tra không thể kết thúc lúc { $end }: thời điểm đó ở sau hôm nay ({ $today }); hãy kết thúc khi lượt kiểm tra đã xong
field-end-needs-at = lượt kiểm tra #{ $id } bắt đầu ngày { $day }, không phải hôm nay: hãy cho giờ kết thúc, ví dụ `spotcheck visit end --visit { $id } --at 11h30` (chỉ nhập giờ thì hiểu là ngày { $day })
field-edit-end-before-start = giờ kết thúc { $end } sẽ ở trước giờ bắt đầu { $start }: hãy sửa `--start` hoặc `--end`
field-start-other-day = lượt kiểm tra #{ $id } có { $count } phát hiện được tính theo ngày của lượt, { $day }: chỉ có thể sửa giờ bắt đầu trong ngày đó; nếu lượt kiểm tra diễn ra vào ngày khác, hãy hủy bằng `spotcheck visit void { $id } --reason "…"` rồi ghi lại bằng `spotcheck visit start UNIT --at "NGÀY GIỜ"`
field-visit-edited = đã sửa lượt kiểm tra #{ $id }: { $changes }
field-visit-unchanged = lượt kiểm tra #{ $id } không thay đổi: các giá trị đã cho giống hệt giá trị hiện có
# $field là tên trường như tiêu đề cột của bảng.
field-visit-change = { $field } { $before } → { $after }
field-visit-void-needs-reason = hãy nêu lý do hủy lượt kiểm tra, ví dụ `--reason "nhầm đơn vị"`
field-visit-voided = đã hủy lượt kiểm tra #{ $id } tại { $unit }, { $when }, cùng { $count } phát hiện của lượt này (lý do: { $reason }); việc hủy không hoàn lại được: nếu lượt kiểm tra thật sự có diễn ra, hãy ghi lại bằng `spotcheck visit start --at`
field-visit-is-void = lượt kiểm tra #{ $id } đã bị hủy (lúc { $at }: { $reason }): không thể sửa hay ghi thêm phát hiện vào; việc hủy không hoàn lại được, hãy ghi lại lượt kiểm tra bằng `spotcheck visit start UNIT --at "NGÀY GIỜ"`
store-voiding-visit = hủy lượt kiểm tra
add-visit-started = Lượt kiểm tra bắt đầu lúc nào?

## recount
recount-period-needed = hãy cho biết kỳ cần tính lại: `--month 1/2026`, hoặc `--from 01/01/2026 --to 31/03/2026`
recount-nothing = mọi số ngày đã lưu trong kỳ đều đúng theo lịch hiện hành: không có gì phải sửa
recount-would-change = { $count } phát hiện sẽ được sửa; chạy lại không có --dry-run để ghi
recount-changed = đã tính lại { $count } phát hiện; lịch sử vẫn giữ số ngày trước khi sửa
field-left-needed = cho giờ về với `--left 16:20`, hoặc số phút về sớm với `--minutes 30`
field-not-early = giờ về `{ $left }` không sớm hơn giờ hết buổi `{ $end }`: không về sớm; nếu buổi làm việc hết vào giờ khác, cho giờ đó với `--end`
field-reason-needs-excuse = `--reason-given` là lý do của trường hợp vắng có lý do: hãy cho thêm `--excused`, ví dụ `--excused other --reason-given "đi khám bệnh"`
field-other-excuse-needs-reason = vắng vì lý do khác phải ghi lý do: thêm `--reason-given "…"`
field-decision-without-person = phát hiện không gắn với cá nhân nào (nhiệm vụ chưa hoàn thành) thì không ghi kết quả xử lý kỷ luật
field-new-due-before-apology = ngày hẹn mới { $new_due } trước ngày xin lỗi { $apology }: kiểm tra lại hai ngày
add-kind-early = về sớm
add-left-at = Về lúc mấy giờ (HH:MM)?
add-excused = Vắng có lý do không?
add-not-excused = không có lý do (vi phạm)
add-reason-given = Lý do đưa ra là gì?
add-apology-on = Ngày gửi văn bản xin lỗi người dân (dd/mm/yyyy)? (có thể bỏ trống)
field-early-minutes-zero = `{ $flag } 0` không phải về sớm: cho số phút về trước giờ hết buổi, hoặc giờ về với `--left`
add-canceled = <đã bỏ>
add-help-choose = ↑↓ để di chuyển, Enter để chọn, gõ để lọc, Esc để bỏ
add-help-names = ↑↓ để di chuyển trong danh sách cán bộ, Tab để lấy tên, Enter để trả lời
