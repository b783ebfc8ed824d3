# Xung đột do một lần gộp sổ tìm thấy, và cách giải quyết.

store-recording-conflict = ghi lại một xung đột
store-listing-conflicts = đọc các xung đột
store-conflict-not-found = không có xung đột #{ $number }: `spotcheck conflicts` liệt kê các xung đột
store-conflict-settled = xung đột #{ $number } đã được giải quyết: `spotcheck conflicts --all` cho biết cách giải quyết
store-conflict-record-gone = hồ sơ của xung đột #{ $number } không có trong sổ này
store-conflict-settled-reason = giải quyết xung đột #{ $number }
store-field-unknown = { $records } không có trường `{ $field }` mà một xung đột có thể giải quyết
store-field-reference-gone = ở đây không có bản ghi { $records } nào có uid { $uid }
store-setting-field = đặt giá trị { $field }

conflicts-none = không có xung đột nào cần giải quyết
conflicts-none-at-all = chưa từng ghi nhận xung đột nào
conflicts-open = { $count } xung đột cần giải quyết: giải quyết từng xung đột bằng `spotcheck conflicts resolve N --take mine` hoặc `--take theirs`
conflicts-record = { $records ->
    [unit] đơn vị
    [person] cán bộ
    [visit] lượt kiểm tra
    [finding] phát hiện
    [plan] kế hoạch
   *[task] nhiệm vụ
  } #{ $number }
conflicts-record-gone = { $records ->
    [unit] đơn vị
    [person] cán bộ
    [visit] lượt kiểm tra
    [finding] phát hiện
    [plan] kế hoạch
   *[task] nhiệm vụ
  } (uid { $uid })
conflicts-settled = đã giải quyết xung đột #{ $number }: { $record }, { $field } nay là { $value }
conflicts-settled-unchanged = đã giải quyết xung đột #{ $number }: { $record }, { $field } giữ nguyên { $value }
conflicts-value-not-typed = không gõ được `{ $field }` ở đây: hãy giải quyết xung đột #{ $number } bằng `--take mine` hoặc `--take theirs`, rồi sửa hồ sơ bằng lệnh riêng của nó nếu cả hai đều chưa đúng
conflicts-value-number = `{ $value }` không phải số nguyên: hãy gõ { $field } bằng chữ số, ví dụ 15
conflicts-value-bool = `{ $value }` không phải có hay không: hãy gõ `yes` hoặc `no`
conflicts-value-action = `{ $value }` không phải một hình thức xử lý: hãy gõ một trong { $actions }
conflicts-line = xung đột #{ $number }: { $record }, { $field }: ở đây { $mine } ({ $mine_by }), bên kia { $theirs } ({ $theirs_by }); giữ giá trị { $kept }
conflicts-unknown-author = không rõ người sửa
conflicts-kept-mine = của sổ này
conflicts-kept-theirs = của sổ bên kia
conflicts-advice = giải quyết bằng `spotcheck conflicts resolve N --take mine|theirs`; `spotcheck conflicts` liệt kê các xung đột
check-open-conflicts = { $count } xung đột từ các lần gộp sổ đang chờ giải quyết: `spotcheck conflicts` liệt kê chúng
status-conflicts = xung đột
head-field = trường
head-mine = của sổ này
head-mine-by = người sửa ở đây
head-mine-at = thời điểm ở đây (UTC)
head-theirs = của sổ bên kia
head-theirs-by = người sửa bên kia
head-theirs-at = thời điểm bên kia (UTC)
head-kept = giữ
head-source = từ
head-settled = đã giải quyết
conflicts-value-grouped = `{ $field }` được tính cùng các trường khác trong { $fields }: hãy giải quyết xung đột #{ $number } bằng `--take mine` hoặc `--take theirs` để giải quyết chúng cùng lúc, rồi sửa phát hiện bằng `spotcheck edit` nếu cả hai đều chưa đúng
store-conflict-settle-disagrees = giải quyết xung đột #{ $number } như vậy sẽ làm phát hiện #{ $finding } tự mâu thuẫn: { $why }; hãy chọn bên kia, hoặc sửa phát hiện trước bằng `spotcheck edit { $finding }`
