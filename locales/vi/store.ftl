### sổ kiểm tra (tệp dữ liệu)

## Vấn đề của tệp do `--db` chỉ định (sau "logbook `ĐƯỜNG DẪN`: ").

store-db-advice = ; hãy chỉ định sổ kiểm tra bằng `--db`
store-logbook-is-directory = là một thư mục: hãy chỉ định một tệp, ví dụ `--db inspections.db`
store-logbook-is-directory-db = là một thư mục: hãy chỉ định một tệp bằng `--db`
store-logbook-missing = không tồn tại: tạo sổ bằng `spotcheck init`, rồi thêm đơn vị bằng `spotcheck unit add CODE NAME`
store-logbook-missing-directory = không tồn tại, thư mục `{ $dir }` chứa nó cũng không tồn tại: hãy chỉ định sổ kiểm tra bằng `--db`
store-logbook-absent = không tồn tại{ $advice }
store-logbook-unreadable = không đọc được: { $error }
store-logbook-unopenable = không mở được: { $error }
store-logbook-uncreatable = không tạo được: { $error }
store-logbook-uncreatable-directory = không tạo được: thư mục `{ $dir }` không tồn tại; hãy tạo thư mục trước hoặc chỉ định tệp `--db` khác
store-logbook-empty = là tệp rỗng, không phải sổ kiểm tra của spotcheck{ $advice }
store-logbook-not-sqlite = không phải sổ kiểm tra của spotcheck (không phải cơ sở dữ liệu SQLite){ $advice }
store-logbook-not-readable-sqlite = không đọc được như một cơ sở dữ liệu SQLite: { $error }
store-logbook-not-ours = là cơ sở dữ liệu SQLite nhưng không phải sổ kiểm tra của spotcheck{ $advice }
store-logbook-other-program = là cơ sở dữ liệu SQLite của chương trình khác (application_id { $id }), không phải sổ kiểm tra của spotcheck
store-logbook-too-new = được ghi bởi phiên bản spotcheck mới hơn (lược đồ phiên bản { $version }; spotcheck { $release } đọc được lược đồ phiên bản 1 đến { $known }): hãy mở sổ bằng spotcheck đã ghi nó, một phiên bản sau { $release } (CHANGELOG.md ghi phiên bản nào mang lược đồ nào)
store-logbook-no-wal = không dùng được nhật ký ghi trước (WAL) (chế độ nhật ký vẫn là `{ $mode }`)

## Bản ghi mà người dùng gọi tên.

store-unit-code-invalid = mã đơn vị `{ $code }` không hợp lệ: chỉ dùng chữ cái, chữ số và dấu gạch ngang, ví dụ `tam-dai`
store-unit-exists = đơn vị `{ $code }` đã có: sửa bằng `spotcheck unit edit { $code }`
store-unit-needed = cần chỉ định đơn vị: gõ mã hoặc một phần tên đơn vị
store-unit-no-match = không có đơn vị nào khớp với `{ $reference }`: xem `spotcheck unit list`, hoặc thêm đơn vị bằng `spotcheck unit add CODE NAME`
store-unit-no-match-close = không có đơn vị nào khớp với `{ $reference }`: có phải là { $close }? xem `spotcheck unit list`, hoặc thêm đơn vị bằng `spotcheck unit add CODE NAME`
store-unit-ambiguous = `{ $reference }` khớp với { $count } đơn vị: { $units }; hãy gõ mã đơn vị
# Giữa các đơn vị trong "có phải là A hoặc B?".
store-or = hoặc
store-person-name-needed = cần họ và tên cán bộ, ví dụ `Nguyễn Văn An`
store-person-exists = { $name } đã có trong danh sách cán bộ của { $unit } (cán bộ #{ $id })
store-no-current-visit = chưa có lượt kiểm tra nào đang diễn ra: bắt đầu một lượt bằng `spotcheck visit start UNIT`, hoặc chỉ định lượt kiểm tra bằng `--visit ID`
store-finding-already-void = phát hiện #{ $id } đã bị hủy từ trước (lúc { $at }: { $reason })
store-no-record = không có { $what ->
        [visit] lượt kiểm tra
        [task] nhiệm vụ
       *[finding] phát hiện
    } `{ $typed }`: xem `spotcheck { $list }`
store-record-ambiguous = `{ $typed }` ứng với nhiều { $what ->
        [visit] lượt kiểm tra
        [task] nhiệm vụ
       *[finding] phát hiện
    }: hãy gõ thêm chữ số của mã định danh, hoặc `#` và số thứ tự
# Lượt kiểm tra được nhắc đến trong lịch sử chỉnh sửa.
store-visit-label = lượt kiểm tra #{ $number }

## `spotcheck sql` và `spotcheck export`.

store-sql-refused = bị từ chối: `spotcheck sql` chỉ đọc (SELECT, WITH … SELECT, các pragma chỉ đọc); hãy dùng các lệnh của spotcheck để thay đổi sổ kiểm tra
store-sql-stopped = truy vấn đã bị dừng sau { $seconds } giây: thu hẹp bằng WHERE hoặc LIMIT, hoặc cho thêm thời gian bằng `--time-limit SECONDS`
store-sql-too-big = truy vấn thất bại: { $error }: một truy vấn dài tối đa { $sql_bytes } byte và tạo ra giá trị dài tối đa { $value_bytes } byte
store-sql-one-statement = `spotcheck sql` mỗi lần chỉ chạy một câu lệnh: hãy bỏ phần sau dấu `;` đầu tiên
store-sql-failed = truy vấn thất bại: { $error }
store-sql-unknown-param = truy vấn không có tham số `{ $name }`: hãy đặt tên tham số trong truy vấn là `{ $name }`
store-sql-positional-param = truy vấn có tham số `?` mà `--param` không điền được: hãy đặt tên cho nó, như `:unit`, rồi cho `--param unit=VALUE`
store-sql-param-missing = tham số `{ $name }` của truy vấn chưa có giá trị: cho giá trị bằng `--param { $bare }=VALUE`
store-export-no-dates = { $records ->
        [findings] phát hiện
        [visits] lượt kiểm tra
        [units] đơn vị
       *[people] cán bộ
    } không có ngày tháng: bỏ `--month`, `--from` và `--to`
store-export-findings-only = `--kind`, `--person` và `--search` chỉ áp dụng cho phát hiện

## Vấn đề `spotcheck check` tìm thấy, mỗi bản ghi một dòng.

store-check-missing-parent = tham chiếu tới một dòng không còn trong bảng { $table }
store-check-entry-missing = thiếu mục #{ $seq } ngay trước mục này
store-check-entries-missing = thiếu các mục từ #{ $first } đến #{ $last } trước mục này
store-check-broken-chain = không nối tiếp mục trước nó: một mục trước đó đã bị xóa hoặc sửa
# $action và $entity là từ lịch sử lưu: `edit` của `finding`.
store-check-entry-changed = đã bị sửa sau khi được ghi (thao tác { $action } trên { $entity } { $uid })
store-check-uid-changed = mã định danh `{ $uid }` khác với `{ $history_uid }` mà lịch sử ghi: bản ghi đã bị sửa không qua spotcheck
store-check-no-history = không có mục lịch sử nào: bản ghi đã được thêm, hoặc lịch sử của nó đã bị xóa, không qua spotcheck
store-check-differs = khác với mục lịch sử cuối cùng: bản ghi đã bị sửa không qua spotcheck ({ $fields })
store-check-unreadable-entry = mục lịch sử không đọc được
store-check-unnamed-fields = các trường mà lịch sử không chỉ ra được
store-check-entry-out-of-place = nằm sai chỗ: các mục ghi trước cấu trúc 11 đứng đầu, rồi đến một mục mở chuỗi gọn, rồi đến các mục gọn; mục này đã bị thêm hoặc dời chỗ không qua spotcheck
store-check-deleted = có trong lịch sử nhưng không có trong sổ: bản ghi đã bị xóa không qua spotcheck
store-check-seal-altered = `{ $seal }` không được xác nhận: các mục lịch sử đến #{ $seq } đã bị sửa đổi
store-check-seal-unknown = `{ $seal }` không có trong lịch sử: các mục đã bị sửa hoặc xóa, hoặc mã kiểm chứng thuộc sổ kiểm tra khác

## Việc spotcheck đang làm khi SQLite báo lỗi (trước ": " và lời của SQLite).

store-opening = mở sổ kiểm tra
store-opening-in-memory = mở sổ kiểm tra trong bộ nhớ
store-setting-busy-timeout = đặt thời gian chờ khi sổ đang bận
store-turning-on-foreign-keys = bật kiểm tra khóa ngoại
store-turning-off-trusted-schema = tắt trusted_schema
store-turning-on-defensive = bật chế độ phòng vệ
store-fixing-query-plans = cố định kế hoạch truy vấn
store-registering-folding = đăng ký hàm so khớp không dấu
store-switching-to-wal = chuyển nhật ký sang WAL
store-setting-synchronous = đặt synchronous=FULL
store-starting-write = bắt đầu ghi
store-committing-write = hoàn tất việc ghi
store-reading-schema-version = đọc phiên bản lược đồ
store-starting-upgrade = bắt đầu nâng cấp lược đồ
store-upgrading = nâng cấp sổ kiểm tra lên lược đồ phiên bản { $version }
store-marking-logbook = đánh dấu tệp là sổ kiểm tra của spotcheck
store-recording-schema-version = ghi phiên bản lược đồ
store-committing-upgrade = hoàn tất nâng cấp lược đồ
store-backing-up-before-upgrade = sao lưu sổ kiểm tra vào `{ $path }` trước khi nâng cấp
store-backing-up = sao lưu vào `{ $path }`
store-making-read-only = đặt kết nối ở chế độ chỉ đọc
store-installing-guard = cài bộ chặn ghi
store-limiting-query = đặt giới hạn cho truy vấn
store-setting-time-limit = đặt giới hạn thời gian cho truy vấn
store-listing-views = liệt kê các view
store-listing-view-columns = liệt kê các cột của một view
store-looking-up-record = tìm { $what ->
        [visit] lượt kiểm tra
        [task] nhiệm vụ
       *[finding] phát hiện
    } #{ $number }
store-looking-up-uid = tìm theo mã định danh
store-looking-up-by-uid = tìm { $records ->
        [findings] phát hiện
        [visits] lượt kiểm tra
        [units] đơn vị
       *[people] cán bộ
    } theo mã định danh
store-reading-record-uid = đọc mã định danh của bản ghi
store-counting = đếm số { $records ->
        [findings] phát hiện
        [visits] lượt kiểm tra
        [units] đơn vị
       *[people] cán bộ
    }
store-exporting = xuất { $records ->
        [findings] phát hiện
        [visits] lượt kiểm tra
        [units] đơn vị
       *[people] cán bộ
    }
store-looking-for-merged = tìm phiên bản đã hợp nhất trong lịch sử
store-adding-unit = thêm đơn vị `{ $code }`
store-changing-unit = sửa đơn vị `{ $code }`
store-reading-unit = đọc thông tin đơn vị
store-looking-up-unit-by-code = tìm đơn vị theo mã
store-looking-up-unit-by-name = tìm đơn vị theo tên
store-listing-units = liệt kê đơn vị
store-reading-person = đọc thông tin cán bộ
store-looking-up-person = tìm cán bộ
store-adding-person = thêm cán bộ
store-listing-people = liệt kê cán bộ
store-reading-visit = đọc thông tin lượt kiểm tra
store-recording-visit = ghi lượt kiểm tra
store-ending-visit = kết thúc lượt kiểm tra
store-changing-visit = sửa lượt kiểm tra
store-reading-current-visit = đọc lượt kiểm tra hiện tại
store-setting-current-visit = đặt lượt kiểm tra hiện tại
store-listing-visits = liệt kê lượt kiểm tra
store-reading-finding = đọc thông tin phát hiện
store-logging-finding = ghi phát hiện
store-changing-finding = sửa phát hiện
store-voiding-finding = hủy phát hiện
store-looking-for-same-finding = tìm phát hiện trùng trong lượt kiểm tra
store-listing-findings = liệt kê phát hiện
store-reading-history-end = đọc mục cuối của lịch sử chỉnh sửa
store-appending-history = ghi thêm vào lịch sử chỉnh sửa
store-naming-history-record = tìm tên bản ghi trong lịch sử
store-preparing-history = chuẩn bị truy vấn lịch sử chỉnh sửa
store-reading-history = đọc lịch sử chỉnh sửa
store-taking-snapshot = lưu trạng thái bản ghi cho lịch sử chỉnh sửa
store-reading-seal = đọc mã kiểm chứng
store-checking-integrity = kiểm tra tính toàn vẹn của tệp
store-checking-references = kiểm tra tham chiếu
store-comparing-with-history = đối chiếu { $records ->
        [findings] phát hiện
        [visits] lượt kiểm tra
        [units] đơn vị
       *[people] cán bộ
    } với lịch sử
store-preparing-summary = chuẩn bị bảng tổng hợp tháng
store-computing-summary = tính bảng tổng hợp tháng
store-counting-repeats = đếm số người tái phạm
store-preparing-repeats = chuẩn bị truy vấn người tái phạm
store-finding-repeats = tìm người tái phạm
store-preparing-trend = chuẩn bị bảng diễn biến
store-computing-trend = tính bảng diễn biến

## Tìm kiếm.

store-search-no-word = `--search { $typed }` không có từ nào để tìm: hãy gõ chữ cái hoặc chữ số, ví dụ `--search "nguyen van"`
store-search-index-out-of-step = không khớp với nội dung hiện tại của các phát hiện: `list --search` và `export --search` có thể bỏ sót hoặc tìm nhầm phát hiện
store-checking-search-index = đang kiểm tra chỉ mục tìm kiếm
store-search-index-pending = { $count } phát hiện do chương trình khác thay đổi chưa được đưa vào chỉ mục, vì không ghi được vào tệp: `list --search` và `export --search` có thể bỏ sót hoặc tìm nhầm chúng cho đến khi spotcheck ghi được vào tệp
store-indexing-search = đang cập nhật chỉ mục tìm kiếm
store-planning-a-list = đang lập kế hoạch truy vấn danh sách

## Kế hoạch và nhiệm vụ được giao.

store-reading-plan = đọc kế hoạch
store-plan-ends-before-it-starts = kế hoạch bắt đầu từ { $from } không thể kết thúc sớm hơn, vào { $to }: hãy nhập `--to` bằng hoặc sau `--from`
store-plan-negative-visits = số lượt kiểm tra theo kế hoạch phải từ 0 trở lên
store-adding-plan = thêm kế hoạch
store-changing-plan = sửa kế hoạch
store-listing-plans = liệt kê kế hoạch
store-reading-task = đọc nhiệm vụ
store-task-due-before-assigned = hạn { $due } sớm hơn ngày giao nhiệm vụ { $assigned }: ngày viết theo thứ tự ngày/tháng/năm, như `30/06/2022`
store-task-done-before-assigned = nhiệm vụ không thể hoàn thành ngày { $done }, trước ngày được giao { $assigned }
store-task-text-empty = nhiệm vụ phải có nội dung công việc cần làm
store-adding-task = thêm nhiệm vụ
store-changing-task = sửa nhiệm vụ #{ $id }
store-task-already-void = nhiệm vụ #{ $id } đã bị hủy từ trước (lúc { $at }: { $reason })
store-listing-tasks = liệt kê nhiệm vụ
store-task-label = nhiệm vụ #{ $number }
store-counting-visits = đếm lượt kiểm tra theo đơn vị
store-counting-tasks = đếm nhiệm vụ theo đơn vị

## Opening a logbook for a read, which never writes to it.

store-logbook-older = có lược đồ phiên bản { $version }, do một bản spotcheck cũ hơn ghi; bản này đọc và ghi phiên bản { $known }, và lệnh đọc không bao giờ thay đổi tệp: nâng cấp tệp bằng `spotcheck init` (lệnh này giữ tệp cũ thành `{ $backup }`; bản spotcheck cũ sẽ không mở được tệp đã nâng cấp), hoặc đọc tệp bằng bản spotcheck đã ghi nó
store-logbook-not-initialised = là một cơ sở dữ liệu SQLite trống, chưa phải là sổ kiểm tra: tạo sổ bằng `spotcheck init`
store-logbook-uncopyable = không sao chép ra chỗ riêng được để đọc mà không ghi vào tệp: { $error }

## What `check` finds in the schema and in the columns no history entry holds.

store-reading-schema = đang đọc lược đồ của sổ
store-check-schema-missing = bị thiếu: đã bị xóa ngoài spotcheck
store-check-schema-changed = khác với bản spotcheck này tạo ra: đã bị sửa ngoài spotcheck
store-check-schema-added = không phải do spotcheck tạo ra: đã được thêm ngoài spotcheck
store-check-bad-stamp = cột { $column } `{ $value }` không phải thời điểm theo cách spotcheck ghi (như `2022-05-10T00:35:00.000Z`): đã bị sửa ngoài spotcheck
store-check-folded-name = cột name_folded không khớp với tên đã chuẩn hóa: đã bị sửa ngoài spotcheck, và tìm theo tên sẽ bỏ sót nó
store-logbook-schema-changed = có lược đồ khác với bản spotcheck này tạo ra ({ $objects }): nó đã bị sửa ngoài spotcheck, và những gì spotcheck đọc hoặc ghi ở đó có thể bỏ sót bản ghi; spotcheck để nguyên tệp: chạy `spotcheck check` để xem mọi thay đổi, rồi khôi phục sổ từ bản sao lưu gần nhất (xem `spotcheck backup`)
store-logbook-version-tampered = ghi lược đồ phiên bản { $version }, nhưng các bảng của nó là của phiên bản { $actual }: số phiên bản đã bị sửa ngoài spotcheck; spotcheck để nguyên tệp: đặt lại bằng `sqlite3 { $file } 'PRAGMA user_version = { $actual }'`, rồi chạy lại spotcheck (bản này ghi phiên bản { $known })
store-logbook-version-unknown = ghi lược đồ phiên bản { $version }, nhưng các bảng của nó không thuộc phiên bản nào spotcheck từng ghi (bản này ghi phiên bản { $known }): chúng đã bị sửa ngoài spotcheck; spotcheck để nguyên tệp: khôi phục từ bản sao lưu gần nhất (xem `spotcheck backup`)
store-upgrade-failed = không nâng cấp được lên lược đồ phiên bản { $version } ({ $error }); việc nâng cấp đã được hoàn tác và tệp giữ nguyên: khôi phục từ bản sao lưu gần nhất nếu tệp đã bị sửa bằng tay

## A stored value that cannot be read, changed by another program.

store-bad-stored-value = { $record }: giá trị { $column } đã lưu `{ $value }` không phải ngày hoặc giờ theo cách spotcheck lưu; nó đã bị sửa ngoài spotcheck: chạy `spotcheck check`, rồi sửa bản ghi bằng `spotcheck edit` hoặc khôi phục sổ từ bản sao lưu gần nhất

## Another program holds the write lock.

store-logbook-locked = đang bị một chương trình khác khóa để ghi (một spotcheck khác, hoặc một phiên `sqlite3` đang ghi dở); spotcheck này đã chờ { $seconds } giây để ghi rồi thôi, không thay đổi gì: đợi chương trình kia xong, hoặc đóng nó (trong `sqlite3`, gõ `COMMIT;` hoặc `.quit`), rồi thử lại
store-check-stamp-changed = cột { $column } `{ $value }` của nó không phải { $at }, thời điểm của mục lịch sử duy nhất, như cột thời điểm còn lại: đã bị sửa ngoài spotcheck
store-check-stamp-differs = cột { $column } `{ $value }` của nó không phải `{ $recorded }` như mục lịch sử cuối cùng ghi: đã bị sửa ngoài spotcheck
store-person-name-is-number = `{ $name }` là cách gọi một người theo số, không phải họ tên; hãy gõ họ tên, ví dụ `Nguyễn Văn An`
store-person-no-number = không có người số #{ $number }; `spotcheck person list` cho xem danh sách cán bộ và số của họ
store-person-other-unit = người số #{ $number } là { $name } của { $other }, không thuộc { $unit }; chuyển người đó bằng `spotcheck person edit '#{ $number }' --unit { $code }`, hoặc ghi tên một người của { $unit }
store-person-retired = { $name } (#{ $number }) đã rời đơn vị ngày { $left }; nếu vẫn ghi về người này, gõ `'#{ $number }'` thay cho tên, hoặc đưa họ trở lại bằng `spotcheck person retire '#{ $number }' --undo`
store-person-ambiguous = "{ $typed }" có thể là một trong { $count } người: { $people }; hãy gõ tên có dấu, hoặc số của người đó, ví dụ `'#{ $first }'`
store-person-no-match = không có ai tên "{ $typed }"; `spotcheck person list` cho xem danh sách cán bộ và số của họ
store-person-ambiguous-anywhere = "{ $typed }" có thể là một trong { $count } người: { $people }; hãy chỉ rõ theo số, ví dụ `'#{ $first }'`
store-person-namesake = { $name } (#{ $number }) đã có trong danh sách cán bộ của { $unit }; nếu hai hồ sơ là cùng một người, gộp lại bằng `spotcheck person merge '#{ $keep }' '#{ $other }'`
store-changing-person = đang sửa hồ sơ người số #{ $number }
store-person-merge-self = không thể gộp người số #{ $number } vào chính họ
store-person-merge-alias = { $name } (#{ $number }) đã được gộp vào người số #{ $root }; hãy dùng #{ $root }
store-person-alias-moves = { $name } (#{ $number }) là tên khác của người số #{ $root }, không phải một người để chuyển; hãy chuyển #{ $root }
store-person-merge-other-unit = { $name } (#{ $number }) thuộc { $unit } còn { $other_name } (#{ $other }) thuộc { $other_unit }: chỉ gộp được hồ sơ của cùng một đơn vị; hãy chuyển một người trước bằng `spotcheck person edit '#{ $number }' --unit MÃ`
store-person-reads-as = "{ $typed }" không dấu được hiểu là { $name } (#{ $id }), đã có trong danh sách cán bộ của { $unit }; để thêm người khác, hãy gõ tên có dấu của họ
store-unit-own-parent = đơn vị `{ $code }` không thể trực thuộc chính nó: hãy ghi đơn vị khác sau `--parent`, hoặc dùng `--no-parent`
store-unit-parent-cycle = đơn vị `{ $code }` không thể trực thuộc `{ $parent }`, vì `{ $parent }` đã trực thuộc nó ({ $path }): hãy ghi đơn vị cấp trên sau `--parent`, hoặc dùng `--no-parent`
store-finding-proposals = tìm các đề nghị xử lý kỷ luật chưa có quyết định
store-counting-categories = đếm vi phạm theo từng nhóm
store-counting-absences = đếm số ngày vắng không lý do
store-finding-disagrees = không thể ghi phát hiện #{ $number } như vậy: { $why }; sổ không thay đổi
store-new-finding-disagrees = không thể ghi phát hiện như vậy: { $why }; sổ không thay đổi
store-disagree-form-without-day = phát hiện sẽ có hình thức kỷ luật mà không có ngày quyết định, trong khi quyết định nào cũng có ngày
store-disagree-new-due-before-apology = ngày hẹn mới { $new_due } sẽ trước ngày xin lỗi { $apology }
store-disagree-other-excuse = phát hiện sẽ là vắng vì lý do khác mà không ghi lý do
store-disagree-decision-without-person = phát hiện không gắn với cá nhân nào lại ghi kết quả xử lý kỷ luật
store-counting-overdue-details = đếm hồ sơ trễ hẹn theo văn bản xin lỗi, hình thức nộp và khâu bị chậm
store-reading-decisions = đọc các quyết định xử lý kỷ luật

## Bản tổng hợp phát hiện của từng người theo tháng.

store-summarising = đang tổng hợp phát hiện của từng người theo tháng
store-checking-summary = đang kiểm tra bản tổng hợp phát hiện của từng người
store-check-summary-differs = bản tổng hợp tháng { $month } không khớp với các phát hiện của người này: đã bị sửa không qua spotcheck, và báo cáo đếm người tái phạm theo bản tổng hợp đó
store-check-unit-summary-differs = bản tổng hợp tháng { $month } của đơn vị không khớp với các lần kiểm tra và phát hiện: đã bị sửa không qua spotcheck, và báo cáo theo tháng tính số liệu từ bản tổng hợp đó

# Sổ kiểm tra được mã hóa.
store-logbook-encrypted-no-key = đã được mã hóa (hoặc không phải cơ sở dữ liệu SQLite), và không có khóa để mở
store-logbook-wrong-key = không mở được bằng khóa đã cho: đó là khóa của sổ khác, hoặc tệp không phải sổ kiểm tra; không có gì bị thay đổi
store-logbook-unreplaceable = không thay được bằng bản mới ({ $error }); sổ kiểm tra vẫn như cũ
store-rewriting = đang ghi lại { $path }
store-logbook-in-use = đang được một chương trình khác mở, hoặc có người ghi vào trong lúc chép; sổ được để nguyên: hãy đóng chương trình kia (một spotcheck khác, một phiên `sqlite3`) rồi thử lại
store-logbook-replaced = đã bị thay bằng một tệp khác (được mã hóa hoặc giải mã) trong lúc lệnh này chờ ghi; không có gì được ghi: hãy chạy lại lệnh
store-logbook-appeared = vừa được một chương trình khác tạo ra; sổ được để nguyên
