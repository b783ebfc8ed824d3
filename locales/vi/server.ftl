### Máy chủ PostgreSQL dùng chung của tỉnh: `server init` và việc kết nối.

server-url-bad = địa chỉ máy chủ không đúng dạng PostgreSQL đọc được: { $problem }; hãy viết theo dạng `postgresql://VAI_TRÒ@MÁY_CHỦ:CỔNG/CƠ_SỞ_DỮ_LIỆU`
server-url-no-role = địa chỉ không nêu vai trò, và không biết tên người dùng của hệ thống: hãy ghi vai trò trước tên máy chủ, như `postgresql://VAI_TRÒ@MÁY_CHỦ/CƠ_SỞ_DỮ_LIỆU`
server-url-password = địa chỉ máy chủ chứa mật khẩu, mà người dùng khác trên máy này có thể đọc được trong danh sách tiến trình: hãy bỏ mật khẩu ra khỏi địa chỉ và đưa mật khẩu qua PGPASSWORD, ~/.pgpass hoặc `--password-file TỆP`
server-reading-password-file = không đọc được tệp mật khẩu { $path }
server-password-file-empty = tệp mật khẩu { $path } trống: dòng đầu tiên của tệp là mật khẩu
server-passfile-open = tệp mật khẩu { $path } người dùng khác đọc được nên không được dùng: hãy để chỉ mình bạn đọc được bằng `chmod 0600 { $path }`
server-connecting = không kết nối được tới { $server }
server-installing = không tạo được cấu trúc dữ liệu của spotcheck tại { $server }
server-not-owner = { $user } không phải chủ sở hữu cơ sở dữ liệu { $database }; chủ sở hữu, { $owner }, phải chạy `spotcheck server init`, để về sau chính chủ sở hữu sửa được cấu trúc dữ liệu của spotcheck
server-foreign-schema = cơ sở dữ liệu { $database } đã có một schema tên `spotcheck` không do spotcheck tạo (không có `spotcheck.schema_version`): hãy đổi tên hoặc xóa schema đó, hoặc dành cho spotcheck một cơ sở dữ liệu riêng
server-schema-newer = cấu trúc dữ liệu của spotcheck trong cơ sở dữ liệu { $database } là phiên bản { $found }, mới hơn phiên bản spotcheck này biết ({ $known }): không có gì bị thay đổi; hãy cài spotcheck mới hơn
server-created = đã tạo cấu trúc dữ liệu của spotcheck (phiên bản { $version }) trong cơ sở dữ liệu { $database } tại { $server }
server-upgraded = đã nâng cấp cấu trúc dữ liệu của spotcheck trong cơ sở dữ liệu { $database } tại { $server } từ phiên bản { $from } lên { $to }
server-current = cấu trúc dữ liệu của spotcheck trong cơ sở dữ liệu { $database } tại { $server } đã ở phiên bản { $version }: không cần làm gì
server-key-value-form = một cặp `khóa=giá_trị` bị cụt (giá trị có dấu cách thì đặt trong dấu nháy đơn)
server-sslmode-unknown = `sslmode={ $mode }` không phải chế độ PostgreSQL biết: hãy viết `disable`, `allow`, `prefer`, `require`, `verify-ca` hoặc `verify-full`
server-root-cert-unknown = để kiểm tra chứng thư của máy chủ cần chứng thư của tổ chức đã ký nó: hãy chỉ ra tệp đó bằng `sslrootcert=TỆP` trong địa chỉ
server-root-cert-bad = không dùng được chứng thư gốc { $path }: { $problem }; hãy chỉ ra tệp chứng thư của tổ chức đã ký chứng thư máy chủ bằng `sslrootcert=TỆP` trong địa chỉ
server-root-cert-empty = tệp không chứa chứng thư nào
server-tls-setup = không thiết lập được TLS: { $problem }
server-root-cert-missing = để kiểm tra chứng thư của máy chủ cần chứng thư của tổ chức đã ký nó, mà không có tệp { $path }: hãy chỉ ra tệp đó bằng `sslrootcert=TỆP` trong địa chỉ, hoặc đặt tệp vào đó
server-verify-full-needs-host = `sslmode=verify-full` kiểm tra chứng thư theo tên máy chủ kết nối tới, mà địa chỉ chỉ có địa chỉ IP: hãy thêm tên máy chủ (`host=TÊN` bên cạnh `hostaddr`, hoặc `postgresql://VAI_TRÒ@TÊN/…`)
server-versions-damaged = cơ sở dữ liệu { $database } có bảng `spotcheck.schema_version` không ghi phiên bản nào: spotcheck không ghi như vậy; hãy xem bảng đó bằng `psql`, hoặc dành cho spotcheck một cơ sở dữ liệu riêng
server-password-file-not-text = dòng đầu của tệp mật khẩu { $path } không phải văn bản (có byte 0 hoặc không phải UTF-8): hãy ghi riêng mật khẩu trên dòng đầu
server-code-bad = `{ $flag } { $value }` không phải là mã: hãy viết tối đa { $limit } chữ thường, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số, như `qnam` hay `doan-1`
server-adding-team = không thêm được tổ, đoàn tại { $server }
server-listing-teams = không liệt kê được các tổ, đoàn tại { $server }
server-removing-team = không gỡ được tổ, đoàn tại { $server }
server-team-exists = tổ, đoàn { $team } của tỉnh { $province } đã có tài khoản đăng nhập: muốn dừng thì dùng `spotcheck server remove-team`
server-role-taken = vai trò đăng nhập { $role } đã có trên máy chủ này (của cơ sở dữ liệu khác hoặc tổ, đoàn khác): hãy chọn mã khác
server-needs-createrole = vai trò này không được tạo hay sửa vai trò: siêu người dùng (superuser) có thể cho phép bằng `ALTER ROLE … CREATEROLE`, hoặc tự chạy lệnh
server-team-unknown = tỉnh { $province } không có tổ, đoàn { $team } trên máy chủ này: `spotcheck server list-teams` liệt kê các tổ, đoàn
server-schema-not-current = cấu trúc dữ liệu của spotcheck trên máy chủ này ở phiên bản { $found }, còn spotcheck này làm việc với phiên bản { $known }: hãy chạy `spotcheck server init` trước
server-team-added = đã thêm tổ, đoàn { $team } của tỉnh { $province }, đăng nhập bằng vai trò { $role }; hãy giao cho tổ, đoàn các dòng sau để ghi vào tệp cấu hình:
server-team-password-made = và mật khẩu này, chỉ in ra một lần (giữ trong tệp mật khẩu của tổ, đoàn, không ghi vào tệp cấu hình): { $password }
server-team-password-given = và mật khẩu trong { $path }.
server-team-removed = đã gỡ tổ, đoàn { $team } của tỉnh { $province }: { $role } không đăng nhập được nữa, những gì tổ, đoàn đã gửi vẫn được giữ
server-team-removed-already = tổ, đoàn { $team } của tỉnh { $province } đã được gỡ từ trước, lúc { $at }: không cần làm gì
server-root-cert-not-pem-file = đây không phải là tệp chứng thư dung lượng tối đa 4 MB
server-syncing = không đồng bộ được với { $server }
server-pushing = không gửi được lên { $server }
server-pulling = không nhận được từ { $server }
server-sending = không gửi được các bản ghi lên máy chủ
server-not-a-team = vai trò { $role } không phải là tài khoản đăng nhập của tổ, đoàn nào trên máy chủ này (hoặc tổ, đoàn đã bị gỡ): đăng nhập bằng vai trò mà `spotcheck server add-team` đã tạo cho tổ, đoàn
store-reading-sync-state = không đọc được những gì sổ biết về máy chủ của tỉnh
store-writing-sync-state = không ghi được việc đồng bộ đã đến đâu
store-shared-row-bad = cảnh báo: máy chủ gửi về một bản ghi { $records } ({ $uid }) mà bản spotcheck này không xếp được, nên đã bỏ qua: { $problem }; có thể một bản spotcheck mới hơn đã gửi nó lên, hãy cập nhật spotcheck
sync-no-server = chưa có máy chủ để đồng bộ: ghi `--server postgresql://VAI_TRÒ@MÁY/CSDL`, hoặc đặt `[server] url = "…"` trong tệp cấu hình (dòng mà `spotcheck server add-team` đã in ra)
sync-clock-skew = cảnh báo: đồng hồ máy này { $ahead ->
        [ahead] nhanh hơn
       *[behind] chậm hơn
    } đồng hồ máy chủ { $minutes } phút: khi gộp, bản sửa sau được giữ, nên hãy chỉnh lại đồng hồ; các xung đột tìm thấy vẫn được giữ lại để xem xét như mọi khi
sync-pushed = đã gửi lên { $server }: { $added } mới, { $changed } sửa, { $entries } mục lịch sử
sync-pulled = đã nhận về: { $new } mới, { $updated } cập nhật, { $conflicts } xung đột
sync-not-pulled = không nhận gì về (`--push-only`): sổ này đã nhận đến phiên bản { $cursor } của máy chủ, máy chủ đang ở phiên bản { $position }; lần `spotcheck sync` sau sẽ nhận phần còn lại
sync-refused = máy chủ từ chối: { $record } #{ $number } ({ $uid }) là của tổ, đoàn khác; thay đổi vẫn giữ ở đây và được gửi lại mỗi lần đồng bộ
sync-refused-more = và { $count } bản ghi khác bị từ chối, cùng lý do
sync-conflicts = xung đột cần giải quyết: { $numbers } (xem bằng `spotcheck conflicts`)
sync-conflicts-more = xung đột cần giải quyết: { $numbers } và { $more } xung đột khác (xem bằng `spotcheck conflicts`)
sync-likely-duplicate = đơn vị { $other } ({ $name }) có vẻ trùng với { $keep }: nếu là một đơn vị, dùng `spotcheck unit merge { $keep } { $other }`
sync-nothing-waits = không còn gì chờ gửi
sync-waiting = { $count } bản ghi đang chờ gửi
sync-status-never = sổ này chưa đồng bộ lần nào
sync-status-last = lần đồng bộ gần nhất: { $at }, với { $server }
sync-status-cursor = đã nhận đến phiên bản { $cursor } của máy chủ
sync-status-server = máy chủ đang ở phiên bản { $position }
sync-status-offline = hiện không kết nối được máy chủ ({ $problem }); dưới đây là những gì sổ này biết
sync-chain-changed = máy chủ từ chối lịch sử của sổ này: { $detail }. Lịch sử này không phải là lịch sử mà sổ đã gửi lên trước đây (đã bị thay đổi, hoặc tệp này là bản sao sổ của một máy khác): chạy `spotcheck check`, và tiếp tục đồng bộ từ máy có sổ gốc
server-checking = không kiểm tra được chuỗi của tỉnh tại { $server }
server-chain-link = mắt xích của phiên bản { $revision } ({ $kind } { $uid }) không nối tiếp mắt xích trước
server-chain-record-changed = { $kind } { $uid } không phải là phiên bản mà mắt xích ở phiên bản { $revision } ghi nhận: đã bị sửa ngoài spotcheck
server-chain-record-unlinked = { $kind } { $uid } ghi phiên bản { $revision }, mà chuỗi không có
server-chain-broken = chuỗi của tỉnh { $province } không còn nguyên vẹn ({ $problems } vấn đề): { $first }. Khôi phục cơ sở dữ liệu từ bản sao lưu trước khi bị sửa, hoặc tìm người đã sửa trong nhật ký của máy chủ
server-chain-ok = ổn: chuỗi của tỉnh { $province } nối { $versions } phiên bản bản ghi, và { $records } bản ghi đúng là các phiên bản chuỗi ghi nhận; dấu niêm phong { $seal } (phiên bản { $revision })
sync-status-seal = dấu niêm phong của tỉnh là { $seal } (phiên bản { $revision })
