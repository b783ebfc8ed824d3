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
