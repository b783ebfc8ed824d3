# Sổ kiểm tra được mã hóa: khóa, tệp khóa và cụm mật khẩu.

cipher-no-randomness = hệ điều hành không cấp được byte ngẫu nhiên để tạo khóa mới ({ $error }); không có gì bị thay đổi
keys-bad-settings = không suy ra hoặc niêm phong được khóa ({ $error })
keys-file-comment = # Khóa của sổ kiểm tra spotcheck nằm cạnh tệp này, được khóa bằng cụm mật khẩu của sổ.
    # Không có cụm mật khẩu thì tệp này không mở được gì. Hãy giữ một bản cùng các bản sao lưu của sổ:
    # mất tệp này và khóa trong kho khóa thì không ai mở được sổ nữa.
keys-file-damaged = tệp khóa { $path } bị hỏng ({ $what }): hãy khôi phục từ bản giữ cùng các bản sao lưu
keys-file-at = ở { $position }
keys-file-unknown = tệp khóa { $path } do một spotcheck mới hơn ghi: hãy cập nhật spotcheck để mở sổ này
keys-wrong-passphrase = cụm mật khẩu không mở được tệp khóa { $path }; không có gì bị thay đổi: hãy kiểm tra lại (dấu tiếng Việt và chữ hoa, chữ thường đều phải đúng) rồi thử lại
keys-writing-file = đang ghi tệp khóa { $path }
keys-removing-file = đang xóa tệp khóa { $path }
keys-reading-file = đang đọc tệp khóa { $path }
keys-no-key-file = không phải tệp SQLite thường: đó là một sổ được mã hóa mà khóa không có trong kho khóa của máy này, cạnh sổ lại không có tệp khóa { $path } để mở bằng cụm mật khẩu, hoặc hoàn toàn không phải sổ kiểm tra; nếu đó là sổ của bạn, hãy chép lại tệp khóa từ bản giữ cùng các bản sao lưu
keys-reading-passphrase-file = đang đọc tệp cụm mật khẩu { $path } (SPOTCHECK_PASSPHRASE_FILE)
keys-passphrase-file-empty = tệp cụm mật khẩu { $path } (SPOTCHECK_PASSPHRASE_FILE) trống: hãy ghi cụm mật khẩu ở dòng đầu
keys-passphrase-file-not-text = tệp cụm mật khẩu { $path } (SPOTCHECK_PASSPHRASE_FILE) không phải tệp văn bản: hãy chỉ một tệp có dòng đầu là cụm mật khẩu
keys-prompt-new = Cụm mật khẩu cho { $path } (ít nhất 8 ký tự):
keys-prompt = Cụm mật khẩu của { $path }:
keys-prompt-again = Nhập lại cụm mật khẩu:
keys-no-passphrase = cần cụm mật khẩu mà không có cửa sổ dòng lệnh để gõ: hãy chạy lệnh trong cửa sổ dòng lệnh, hoặc chỉ tệp chứa cụm mật khẩu bằng SPOTCHECK_PASSPHRASE_FILE
keys-passphrase-short = cụm mật khẩu cần ít nhất { $min } ký tự; vài từ ghép lại dễ nhớ hơn một mật khẩu ngắn
keys-file-of-another-logbook = đã được mã hóa, và tệp khóa { $file } cạnh sổ là khóa của một sổ khác: hãy chép lại đúng tệp khóa của sổ này
main-plaintext-needed = sổ kiểm tra đã được mã hóa, mà `{ $file }` sẽ chứa nội dung của sổ dưới dạng văn bản thường: hãy thêm `--plaintext` nếu vẫn muốn ghi (hoặc đặt `plaintext_outputs = true` trong tệp cấu hình), hoặc bỏ tên tệp để xem kết quả trên màn hình
main-plaintext-written = lưu ý: sổ kiểm tra đã được mã hóa; { $files } đã được ghi dưới dạng văn bản thường
