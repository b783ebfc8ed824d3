### Trợ giúp của từng lệnh và tùy chọn (bản tiếng Anh: chú thích tài liệu trong src/cli.rs).
### Tên lệnh, tên tùy chọn và tên giá trị giữ nguyên; chỉ phần mô tả được dịch.

## Những chữ clap viết quanh phần mô tả.

help-heading-usage = Cách dùng
help-heading-commands = Lệnh
help-heading-arguments = Tham số
help-heading-options = Tùy chọn
help-heading-global = Tùy chọn chung
help-heading-example = Ví dụ
help-heading-examples = Ví dụ
help-heading-field-day = Một ngày kiểm tra
help-flag-help = In trợ giúp (xem đầy đủ với '--help')
help-flag-help-long = In trợ giúp (xem bản tóm tắt với '-h')
help-flag-version = In phiên bản
help-command-help = In trợ giúp này hoặc trợ giúp của lệnh được nêu
help-values = Giá trị có thể dùng
help-values-inline = giá trị có thể dùng
help-default = mặc định

help-spotcheck = spotcheck — sổ kiểm tra của đoàn kiểm tra công vụ
help-spotcheck-long =
    spotcheck — sổ kiểm tra của đoàn kiểm tra công vụ.

    Ghi lại các lượt kiểm tra tại xã, cơ quan và đơn vị sự nghiệp công lập: ai đi muộn, ai vắng mặt, hồ sơ nào của người dân bị trễ hẹn. Sau đó liệt kê, sửa và báo cáo.
help-spotcheck--db = Tệp sổ kiểm tra [lấy theo thứ tự: biến môi trường SPOTCHECK_DB, `db` trong tệp cấu hình, thư mục dữ liệu của hệ điều hành]
help-spotcheck--format = Dạng in kết quả của các lệnh xem dữ liệu
help-spotcheck--format--table = Bảng có khung, vừa khổ màn hình
help-spotcheck--format--csv = CSV theo RFC 4180, dòng đầu là khóa của các cột
help-spotcheck--format--json = JSON trình bày dễ đọc, theo khóa của các cột
help-spotcheck--format--md = Bảng Markdown kiểu GitHub
help-spotcheck--format--html = Một trang HTML trọn vẹn, để mở bằng trình duyệt và in
help-spotcheck--output = Ghi kết quả vào tệp FILE thay vì in ra màn hình
help-spotcheck--by = Người ghi [lấy theo thứ tự: biến môi trường SPOTCHECK_BY, `inspector` trong tệp cấu hình, người dùng hệ điều hành]
help-spotcheck--config = Tệp cấu hình [mặc định: config.toml trong thư mục cấu hình của hệ điều hành]
help-spotcheck--excel = Đầu ra CSV bắt đầu bằng dấu BOM để Excel đọc đúng tiếng Việt (với `--format csv`, và `export`)
help-spotcheck--sep = Dấu phân cách của đầu ra CSV: `,`, hoặc `;` cho bảng tính đặt dấu chấm phẩy làm dấu phân cách
help-spotcheck--color = Tô màu bảng và báo cáo: khi in ra màn hình và biến NO_COLOR chưa đặt (auto), luôn luôn (always) hoặc không bao giờ (never)
help-spotcheck--plaintext = Với sổ được mã hóa, vẫn ghi kết quả ra tệp (`-o`, `--xlsx`, `--svg`) dưới dạng văn bản thường [cấu hình: plaintext_outputs = true]
help-spotcheck--lang = Ngôn ngữ của thông báo, bảng và báo cáo: `vi` (tiếng Việt) hoặc `en` (tiếng Anh) [lấy theo thứ tự: biến môi trường SPOTCHECK_LANG, `lang` trong tệp cấu hình, LC_ALL / LC_MESSAGES / LANG; nếu không có thì en]
help-spotcheck--lang--en = Tiếng Anh (English)
help-spotcheck--lang--vi = Tiếng Việt

help-status = Sổ kiểm tra ở đâu, lượt kiểm tra đang mở, các phát hiện trong ngày và lệnh nên gõ tiếp (cũng là những gì `spotcheck` không kèm lệnh hiển thị)

help-init = Tạo sổ kiểm tra (chạy lại vẫn an toàn)
help-init--encrypt = Tạo sổ mới được mã hóa: khóa của sổ được giữ trong kho khóa của máy này và, được khóa bằng cụm mật khẩu bạn chọn, trong tệp LOGBOOK.key cạnh sổ
help-encrypt = Mã hóa sổ kiểm tra tại chỗ, bằng một khóa mới được khóa bằng cụm mật khẩu bạn chọn
help-decrypt = Giải mã sổ kiểm tra tại chỗ: sổ lại là một tệp SQLite thường
help-key = Khóa của sổ được mã hóa
help-key-change = Mã hóa lại sổ bằng một khóa ngẫu nhiên mới, được khóa bằng cụm mật khẩu bạn chọn (giữ cụm cũ hoặc đặt cụm mới)
help-key-change--new_passphrase_file = Đọc cụm mật khẩu mới từ dòng đầu của tệp này (nếu không thì hỏi trong cửa sổ dòng lệnh; khi đã đặt SPOTCHECK_PASSPHRASE_FILE mà không có cửa sổ dòng lệnh thì giữ cụm mật khẩu cũ)

help-config = Xem các thiết lập đang dùng và nguồn của từng thiết lập

help-unit = Thêm, liệt kê, sửa, gộp, thôi sử dụng hoặc nhập các đơn vị được kiểm tra
help-unit-add = Thêm một đơn vị
help-unit-add--code = Mã ngắn để gõ, như `tam-dai`
help-unit-add--name = Tên đầy đủ, như "UBND xã Tam Đại"
help-unit-add--kind = Loại đơn vị
help-unit-add--start = Giờ bắt đầu buổi sáng, nếu khác giờ làm việc trong tệp cấu hình (`7:30`, `7h30`)
help-unit-add--afternoon = Giờ bắt đầu buổi chiều, nếu khác giờ làm việc trong tệp cấu hình
help-unit-add--parent = Đơn vị mà đơn vị này trực thuộc (phòng hoặc trung tâm của xã, đơn vị thuộc sở)
help-unit-add--week = Tuần làm việc, nếu không phải từ thứ Hai đến thứ Sáu (`t2-t6,t7:sáng`)
help-unit-add--follow_seasons = Giờ vào làm riêng của đơn vị đổi theo mùa: sớm hay muộn hơn bấy nhiêu như giờ làm việc trong cấu hình đổi vào mùa hè hoặc một mùa có ngày
help-unit-list = Liệt kê các đơn vị
help-unit-edit = Sửa tên, loại, giờ làm việc (và việc giờ đó có đổi theo mùa hay không), đơn vị cấp trên hoặc tuần làm việc của một đơn vị
help-unit-edit--unit = Mã đơn vị hoặc một phần tên đủ để nhận ra đơn vị
help-unit-edit--name = Tên đầy đủ mới
help-unit-edit--kind = Loại mới
help-unit-edit--start = Giờ bắt đầu buổi sáng mới (`default` để dùng lại giờ trong tệp cấu hình)
help-unit-edit--afternoon = Giờ bắt đầu buổi chiều mới (`default` để dùng lại giờ trong tệp cấu hình)
help-unit-edit--parent = Đơn vị mà đơn vị này trực thuộc từ nay
help-unit-edit--no_parent = Đơn vị này không còn trực thuộc đơn vị nào
help-unit-edit--week = Tuần làm việc mới (`t2-t6,t7:sáng`; `default` để trở lại thứ Hai đến thứ Sáu)
help-unit-edit--follow_seasons = Giờ vào làm riêng của đơn vị từ nay đổi theo mùa như giờ làm việc trong cấu hình
help-unit-edit--no_follow_seasons = Giờ vào làm riêng của đơn vị giữ nguyên quanh năm
help-unit-import = Thêm đơn vị từ tệp CSV có các cột code,name[,kind,morning_start,afternoon_start], hoặc bất kỳ cột nào `export units` ghi ra (week, follows_seasons, parent_uid…)
help-unit-import--file = Tệp CSV (`-` để đọc từ đầu vào chuẩn)

help-person = Thêm, liệt kê hoặc sửa hồ sơ cán bộ của một đơn vị
help-person-add = Thêm một cán bộ vào danh sách của đơn vị
help-person-add--unit = Mã đơn vị hoặc một phần tên đủ để nhận ra đơn vị
help-person-add--name = Họ và tên, như "Nguyễn Văn An"
help-person-add--position = Chức vụ, như "công chức tư pháp"
help-person-add--status = Diện nhân sự: công chức (civil-servant), viên chức (public-employee), hợp đồng lao động (contract) hoặc người hoạt động không chuyên trách cấp xã (part-time)
help-person-list = Liệt kê cán bộ của một đơn vị hoặc của tất cả các đơn vị
help-person-list--unit = Chỉ đơn vị này
help-person-list--similar = Chỉ những người cùng đơn vị có tên chỉ khác nhau về dấu, kèm các phát hiện của họ, để rà soát
help-person-edit = Sửa họ tên, chức vụ hoặc đơn vị của một người; lịch sử giữ hồ sơ cũ
help-person-edit--person = Người cần sửa: số của họ như `#9`, hoặc họ tên
help-person-edit--name = Họ tên, có đủ dấu
help-person-edit--position = Chức vụ; để trống thì xóa chức vụ
help-person-edit--unit = Đơn vị nơi người đó làm việc hiện nay (các phát hiện vẫn ở nơi đã ghi)
help-person-edit--status = Diện nhân sự: công chức (civil-servant), viên chức (public-employee), hợp đồng lao động (contract) hoặc người hoạt động không chuyên trách cấp xã (part-time)
help-person-edit--no_status = Chưa rõ diện nhân sự của người này: xóa diện đã ghi
help-person-edit--not_alias = Hoàn tác `person merge`: hồ sơ này không còn là tên khác của người kia
help-person-edit--reason = Lý do, được giữ trong lịch sử
help-person-merge = Gộp hai hồ sơ của cùng một người: phát hiện của OTHER chuyển sang KEEP, và OTHER trở thành tên khác của KEEP
help-person-merge--keep = Hồ sơ được giữ: `#3`, hoặc họ tên
help-person-merge--other = Hồ sơ được gộp vào
help-person-merge--reason = Lý do, được giữ trong lịch sử
help-person-retire = Ghi nhận một người đã rời đơn vị: hồ sơ vẫn giữ cho lịch sử và báo cáo, nhưng không còn được nhận khi gõ tên trong lượt kiểm tra
help-person-retire--person = Người đã rời đơn vị: `#7`, hoặc họ tên
help-person-retire--on = Ngày rời đơn vị (mặc định: hôm nay)
help-person-retire--undo = Người đó đã trở lại: được nhận tên trở lại
help-person-retire--reason = Lý do, được giữ trong lịch sử

help-visit = Bắt đầu, kết thúc, liệt kê, xem, sửa hoặc hủy các lượt kiểm tra
help-visit-start = Bắt đầu một lượt kiểm tra; các phát hiện được ghi vào lượt này cho đến khi kết thúc
help-visit-start--unit = Mã đơn vị hoặc một phần tên đủ để nhận ra đơn vị
help-visit-start--at = Thời điểm bắt đầu, như `10/05/2022 07:40` hoặc `7h40` (mặc định: bây giờ)
help-visit-start--announced = Lượt kiểm tra có báo trước (mặc định: đột xuất)
help-visit-start--team = Thành viên đoàn, như "Lê Thị Hoa, Phạm Minh Tuấn"
help-visit-start--on_roll = Số cán bộ theo danh sách của đơn vị
help-visit-start--present = Số cán bộ có mặt khi đoàn đến
help-visit-start--files_checked = Số hồ sơ của người dân đoàn đã kiểm tra tại bộ phận một cửa, để tính tỷ lệ trễ hạn
help-visit-start--note = Ghi chú về lượt kiểm tra
help-visit-end = Kết thúc lượt kiểm tra đang mở (hoặc lượt được chỉ định)
help-visit-end--at = Thời điểm kết thúc (mặc định: bây giờ); chỉ nhập giờ thì hiểu là ngày lượt kiểm tra bắt đầu
help-visit-end--visit = Lượt kiểm tra cần kết thúc, nếu không phải lượt đang mở
help-visit-list = Liệt kê các lượt kiểm tra
help-visit-list--month = Tháng báo cáo: `5/2022`, `2022-05`, `this` (tháng này), `last` (tháng trước)
help-visit-list--from = Từ ngày
help-visit-list--to = Đến ngày (tính cả ngày này)
help-visit-list--unit = Chỉ đơn vị này
help-visit-show = Xem một lượt kiểm tra và các phát hiện của lượt đó (mặc định: lượt đang mở)
help-visit-show--id = Số thứ tự hoặc phần đầu mã uid của lượt kiểm tra

help-add = Ghi một phát hiện bằng cách trả lời lần lượt từng câu hỏi (cuối cùng hiện lệnh một dòng tương ứng)

help-late = Ghi một cán bộ đi muộn
help-late--person = Người đi muộn (được thêm vào danh sách cán bộ của đơn vị nếu chưa có)
help-late--arrived = Giờ đến, như `8:05` hoặc `8h05`
help-late--minutes = Số phút đi muộn, khi không biết giờ đến
help-late--expected = Giờ người đó phải có mặt (mặc định: giờ bắt đầu buổi sáng hoặc buổi chiều của đơn vị)
help-late--visit = Lượt kiểm tra để ghi vào, nếu không phải lượt đang mở
help-late--action = Hình thức đã xử lý
help-late--note = Ghi chú

help-early = Ghi một cán bộ về sớm trước khi hết buổi làm việc
help-early--person = Người về sớm (được thêm vào danh sách cán bộ của đơn vị nếu chưa có)
help-early--left = Giờ về, như `16:20` hoặc `16h20`
help-early--minutes = Số phút về sớm, khi không biết giờ về
help-early--end = Giờ hết buổi làm việc (mặc định: giờ hết buổi sáng hoặc buổi chiều theo cấu hình)
help-early--visit = Lượt kiểm tra để ghi vào, nếu không phải lượt đang mở
help-early--action = Hình thức đã xử lý
help-early--note = Ghi chú
help-absent = Ghi một trường hợp vắng trong giờ làm việc hoặc trong cuộc họp: không lý do (vi phạm), hoặc có lý do
help-absent--person = Người vắng
help-absent--excused = Vắng có lý do: nghỉ phép, đi công tác, ốm, hoặc lý do khác ghi với --reason-given
help-absent--reason_given = Lý do người vắng đưa ra (bắt buộc với `--excused other`)
help-absent--meeting = Cuộc họp bị vắng, nếu vắng họp chứ không phải vắng trong ngày làm việc
help-absent--visit = Lượt kiểm tra để ghi vào, nếu không phải lượt đang mở
help-absent--action = Hình thức đã xử lý
help-absent--note = Ghi chú

help-overdue = Ghi một hồ sơ của người dân trả sau ngày hẹn trả hoặc chưa trả (hồ sơ trễ hẹn)
help-overdue--file_ref = Số hồ sơ, như `HS-2022-0012`
help-overdue--due = Ngày hẹn trả cho người dân
help-overdue--received = Ngày tiếp nhận hồ sơ
help-overdue--returned = Ngày trả hồ sơ, nếu đã trả
help-overdue--procedure = Thủ tục hành chính, như "Chứng thực bản sao"
help-overdue--officer = Cán bộ phụ trách hồ sơ
help-overdue--apology_on = Ngày gửi văn bản xin lỗi người dân
help-overdue--new_due = Ngày hẹn trả mới ghi trong văn bản xin lỗi
help-overdue--delay_cause = Nguyên nhân trễ hạn
help-overdue--delay_stage = Khâu để hồ sơ bị chậm
help-overdue--responsible = Cán bộ hoặc cơ quan chịu trách nhiệm về việc chậm
help-overdue--channel = Hình thức nộp hồ sơ
help-overdue--visit = Lượt kiểm tra để ghi vào, nếu không phải lượt đang mở
help-overdue--action = Hình thức đã xử lý
help-overdue--note = Ghi chú

help-other = Ghi vi phạm khác: tác phong, trang phục, bỏ vị trí làm việc, không thực hiện chỉ đạo
help-other--description = Nội dung sự việc
help-other--person = Người liên quan, nếu là một người
help-other--category = Nhóm vi phạm: một nhóm có sẵn (`badge`, `uniform`, `alcohol`, `left-post`, `private-business`, `attitude`, `hygiene`, `procedures-not-posted`, `roster-not-kept`; gõ tên tiếng Việt hoặc tiếng Anh của nhóm cũng được) hoặc một từ do tổ tự đặt
help-other--visit = Lượt kiểm tra để ghi vào, nếu không phải lượt đang mở
help-other--action = Hình thức đã xử lý
help-other--note = Ghi chú

help-list = Liệt kê các phát hiện
help-list--month = Tháng báo cáo: `5/2022`, `2022-05`, `this` (tháng này), `last` (tháng trước)
help-list--from = Từ ngày
help-list--to = Đến ngày (tính cả ngày này)
help-list--unit = Chỉ đơn vị này
help-list--kind = Chỉ loại phát hiện này
help-list--person = Chỉ phát hiện về người có tên chứa TEXT (không phân biệt dấu)
help-list--search = Chỉ phát hiện có nội dung chứa TEXT (không phân biệt dấu)
help-list--include_void = Kể cả các phát hiện đã hủy
help-list--sort = Thứ tự của danh sách
help-list--sort--date = Theo thời điểm bắt đầu lượt kiểm tra
help-list--sort--unit = Theo mã đơn vị, rồi theo ngày
help-list--sort--kind = Theo loại phát hiện, rồi theo ngày

help-show = Xem đầy đủ một phát hiện
help-show--id = Số phát hiện (`12`, `#12`) hoặc phần đầu mã uid

help-edit = Sửa một phát hiện; bản cũ vẫn được giữ trong lịch sử chỉnh sửa
help-edit--id = Số phát hiện (`12`, `#12`) hoặc phần đầu mã uid
help-edit--person = Người bị ghi phát hiện (đi muộn, vắng không lý do, vi phạm khác)
help-edit--arrived = Giờ đến (đi muộn)
help-edit--minutes = Số phút đi muộn, thay cho giờ đến (đi muộn)
help-edit--expected = Giờ phải có mặt (đi muộn)
help-edit--meeting = Cuộc họp bị vắng (vắng không lý do)
help-edit--file_ref = Số hồ sơ (hồ sơ trễ hẹn)
help-edit--due = Ngày hẹn trả (hồ sơ trễ hẹn)
help-edit--received = Ngày tiếp nhận (hồ sơ trễ hẹn)
help-edit--returned = Ngày trả (hồ sơ trễ hẹn)
help-edit--procedure = Thủ tục (hồ sơ trễ hẹn)
help-edit--officer = Cán bộ phụ trách (hồ sơ trễ hẹn)
help-edit--description = Nội dung (vi phạm khác)
help-edit--category = Nhóm vi phạm (vi phạm khác): một nhóm có sẵn hoặc một từ do tổ tự đặt
help-edit--left = Giờ về (về sớm)
help-edit--minutes_early = Số phút về sớm, thay cho giờ về (về sớm)
help-edit--end = Giờ hết buổi làm việc (về sớm)
help-edit--excused = Vắng có lý do: nghỉ phép, đi công tác, ốm, hoặc lý do khác ghi với --reason-given (vắng)
help-edit--reason_given = Lý do người vắng đưa ra (vắng)
help-edit--unexcused = Thực ra là vắng không lý do (vắng)
help-edit--apology_on = Ngày gửi văn bản xin lỗi người dân (hồ sơ trễ hẹn)
help-edit--new_due = Ngày hẹn trả mới (hồ sơ trễ hẹn)
help-edit--delay_cause = Nguyên nhân trễ hạn (hồ sơ trễ hẹn)
help-edit--delay_stage = Khâu để hồ sơ bị chậm (hồ sơ trễ hẹn)
help-edit--responsible = Cán bộ hoặc cơ quan chịu trách nhiệm về việc chậm (hồ sơ trễ hẹn)
help-edit--channel = Hình thức nộp hồ sơ (hồ sơ trễ hẹn)
help-edit--no_apology = Không có văn bản xin lỗi: xoá ngày xin lỗi và ngày hẹn trả mới đã ghi (hồ sơ trễ hẹn)
help-edit--discipline_form = Hình thức kỷ luật đã quyết định
help-edit--decision = Số quyết định, như "45/QĐ-UBND"
help-edit--decided_on = Ngày quyết định; không có hình thức kỷ luật là vụ việc đã kết thúc mà không kỷ luật
help-edit--decided_by = Người quyết định, như "Chủ tịch UBND xã Tam Đại"
help-edit--no_decision = Xoá kết quả xử lý đã ghi
help-edit--complex = Vụ việc phức tạp: thời hạn xử lý kỷ luật là 150 ngày thay cho 90 ngày
help-edit--not_complex = Thực ra vụ việc không phức tạp
help-edit--action = Hình thức đã xử lý
help-edit--note = Ghi chú
help-edit--reason = Lý do sửa, được lưu trong lịch sử chỉnh sửa

help-void = Hủy một phát hiện: vẫn còn trong sổ nhưng không còn trong danh sách và báo cáo
help-void--id = Số phát hiện (`12`, `#12`) hoặc phần đầu mã uid
help-void--reason = Lý do hủy, được lưu trong lịch sử chỉnh sửa

help-history = Xem lịch sử chỉnh sửa của một phát hiện hoặc của cả sổ
help-history--id = Chỉ lịch sử của phát hiện này

help-report = Báo cáo tháng, tái phạm và xu hướng
help-report-month = Tổng hợp theo đơn vị của một kỳ báo cáo (mặc định: kỳ hiện tại)
help-report-month--month = Kỳ báo cáo: `5/2022`, `2022-05`, `this` (kỳ này), `last` (kỳ trước)
help-report-repeat = Những người có vi phạm trong nhiều lượt kiểm tra trong các tháng gần đây, và hình thức xử lý tiếp theo cho từng người
help-report-repeat--months = Số tháng tính ngược lại [mặc định: `repeat_months` trong tệp cấu hình]
help-report-repeat--min = Số lượt kiểm tra có vi phạm ít nhất để bị tính là tái phạm
help-report-repeat--as_of = Ngày cuối của khoảng thời gian xét [mặc định: hôm nay]
help-report-trend = Một chỉ số qua nhiều kỳ, mỗi tháng một cột
help-report-trend-long =
    Một chỉ số qua nhiều kỳ, mỗi tháng một cột.

    Mỗi hàng là một đơn vị; dùng `--rows kind` để mỗi hàng là một loại phát hiện.
help-report-trend--from = Kỳ đầu [mặc định: năm kỳ trước `--to`]
help-report-trend--to = Kỳ cuối [mặc định: kỳ hiện tại]
help-report-trend--measure = Chỉ số cần đếm
help-report-trend--rows = Mỗi hàng là gì [mặc định: unit]
help-report-trend--rows--unit = Mỗi đơn vị một hàng
help-report-trend--rows--kind = Mỗi loại phát hiện một hàng

help-export = Xuất phát hiện, lượt kiểm tra, đơn vị hoặc cán bộ ra tệp CSV để mở bằng bảng tính
help-export--records = Loại dữ liệu cần xuất
help-export--month = Tháng báo cáo: `5/2022`, `2022-05`, `this` (tháng này), `last` (tháng trước)
help-export--from = Từ ngày
help-export--to = Đến ngày (tính cả ngày này)
help-export--unit = Chỉ đơn vị này
help-export--kind = Chỉ loại phát hiện này
help-export--person = Chỉ phát hiện về người có tên chứa TEXT (không phân biệt dấu)
help-export--search = Chỉ phát hiện có nội dung chứa TEXT (không phân biệt dấu)

help-import = Nhập lại dữ liệu từ tệp CSV do lệnh export tạo ra (nhập tất cả các dòng hoặc không dòng nào)
help-import--records = Loại dữ liệu trong tệp
help-import--file = Tệp CSV (`-` để đọc từ đầu vào chuẩn)

help-merge = Gộp sổ kiểm tra của một cán bộ kiểm tra khác: thêm các bản ghi mới, bản sửa sau cùng được giữ
help-merge--other = Sổ kiểm tra kia (chỉ mở để đọc, không bị thay đổi)

help-sql = Chạy một truy vấn SQL chỉ đọc trên các view và bảng của sổ kiểm tra
help-sql--query = Câu truy vấn, như "SELECT unit_code, count(*) FROM findings_v GROUP BY 1"
help-sql--params = Gán VALUE cho `:NAME` trong câu truy vấn (số nguyên được gán dưới dạng số)
help-sql--time_limit = Dừng truy vấn nếu chạy lâu hơn số giây này

help-schema = Liệt kê các view có thể truy vấn, kèm các cột và một ví dụ cho mỗi view

help-backup = Sao lưu sổ kiểm tra sang một tệp mới, vẫn nhất quán khi người khác đang ghi
help-backup--file = Tệp sao lưu cần tạo
help-backup--force = Ghi đè FILE nếu tệp đã có

help-check = Kiểm tra tệp, lịch sử chỉnh sửa và đối chiếu từng bản ghi với lịch sử; in mã kiểm chứng
help-check--seal = Xác nhận lịch sử vẫn giữ nguyên mã kiểm chứng này (do một lần `check` trước đó hoặc một báo cáo in ra)

help-sync = Trao đổi bản ghi với máy chủ của tỉnh: gửi lên những thay đổi của sổ này, rồi nhận về những thay đổi của các máy khác
help-sync--server = Máy chủ, dạng `postgresql://VAI_TRÒ@MÁY_CHỦ:CỔNG/CƠ_SỞ_DỮ_LIỆU` [mặc định: `[server] url` trong tệp cấu hình]
help-sync--password_file = Mật khẩu: dòng đầu của tệp này [mặc định: PGPASSWORD, rồi ~/.pgpass]
help-sync--status = Chỉ cho biết lần đồng bộ gần nhất, những gì đang chờ gửi và máy chủ đã đến đâu
help-sync--pull_only = Chỉ nhận về: cho máy của lãnh đạo chỉ đọc số liệu của tỉnh và không gửi gì
help-sync--push_only = Chỉ gửi đi: gửi những gì đang chờ và không nhận gì về, khi mạng chậm hoặc tốn tiền; lần đồng bộ sau sẽ nhận về
help-server = Chuẩn bị máy chủ PostgreSQL dùng chung của tỉnh
help-server-init = Tạo cấu trúc dữ liệu của spotcheck trong một cơ sở dữ liệu PostgreSQL, hoặc nâng cấp nó (chạy lại không sao); chạy với vai trò chủ sở hữu cơ sở dữ liệu
help-server-init--url = Cơ sở dữ liệu, dạng `postgresql://VAI_TRÒ@MÁY_CHỦ:CỔNG/CƠ_SỞ_DỮ_LIỆU` (không chứa mật khẩu)
help-server-init--password_file = Đọc mật khẩu từ dòng đầu của tệp này (nếu không có thì từ PGPASSWORD, rồi ~/.pgpass)
help-server-add-team = Cấp cho một tổ, đoàn của tỉnh tài khoản đăng nhập riêng trên máy chủ, và in ra những gì cần giao cho tổ, đoàn đó
help-server-add-team--url = Cơ sở dữ liệu, dạng `postgresql://VAI_TRÒ@MÁY_CHỦ:CỔNG/CƠ_SỞ_DỮ_LIỆU`, kết nối bằng vai trò được phép tạo vai trò
help-server-add-team--province = Mã tỉnh, như `qnam`: chữ thường, chữ số và dấu gạch ngang
help-server-add-team--team = Mã tổ, đoàn trong tỉnh, như `doan1`
help-server-add-team--password_file = Mật khẩu của tổ, đoàn: dòng đầu của tệp này [mặc định: một mật khẩu ngẫu nhiên, chỉ in ra một lần]
help-server-list-teams = Liệt kê các tổ, đoàn có tài khoản đăng nhập trên máy chủ
help-server-list-teams--url = Cơ sở dữ liệu, dạng `postgresql://VAI_TRÒ@MÁY_CHỦ:CỔNG/CƠ_SỞ_DỮ_LIỆU`
help-server-remove-team = Không cho một tổ, đoàn đăng nhập vào máy chủ nữa; những gì tổ, đoàn đã gửi vẫn được giữ
help-server-remove-team--url = Cơ sở dữ liệu, dạng `postgresql://VAI_TRÒ@MÁY_CHỦ:CỔNG/CƠ_SỞ_DỮ_LIỆU`, kết nối bằng vai trò được phép sửa vai trò
help-server-remove-team--province = Mã tỉnh
help-server-remove-team--team = Mã tổ, đoàn trong tỉnh
help-server-check = Kiểm tra chuỗi của tỉnh trên máy chủ: mỗi phiên bản bản ghi nối với phiên bản trước, mỗi bản ghi đúng là phiên bản mắt xích của nó ghi nhận; in dấu niêm phong của tỉnh
help-server-check--url = Cơ sở dữ liệu, dạng `postgresql://VAI_TRÒ@MÁY_CHỦ:CỔNG/CƠ_SỞ_DỮ_LIỆU`: của chủ sở hữu, của người đọc hoặc của một tổ, đoàn của tỉnh
help-server-check--province = Mã tỉnh

help-completions = In đoạn mã tự hoàn thành lệnh cho shell
help-completions--shell = Shell cần tạo mã tự hoàn thành

help-man = Ghi trang hướng dẫn (man) của spotcheck và của từng lệnh vào thư mục DIR
help-man--dir = Thư mục chứa các trang (tự tạo nếu chưa có), như `~/.local/share/man/man1`
help-report-month--xlsx = Ghi thêm báo cáo ra tệp Excel: bảng tổng hợp kèm số liệu kỳ trước và biểu đồ, toàn bộ phát hiện, danh sách tái phạm
help-export--xlsx = Ghi ra tệp Excel một trang tính thay cho CSV: số là số, ngày là ngày
help-report-trend--chart = Vẽ biểu đồ thanh thay cho bảng: tổng của từng hàng, rồi của từng kỳ
help-report-month--svg = Vẽ thêm biểu đồ phát hiện theo đơn vị, chồng theo loại vi phạm, ra tệp ảnh SVG
help-report-month--by_parent = Xếp các đơn vị theo đơn vị mà chúng trực thuộc, mỗi nhóm có dòng cộng riêng
help-report-month--dated = Với `--format html`, ngày ghi trên báo cáo thay cho hôm nay: `05/01/2026`, `2026-01-05`, `hôm qua`
help-report-month--by_status = Thêm bảng vi phạm của cán bộ theo diện nhân sự, mỗi diện một dòng và một dòng cho người chưa ghi diện (với `--format csv`, bảng này thay cho bảng tổng hợp)
help-report-trend--svg = Vẽ thêm diễn biến thành đường, mỗi hàng một đường, ra tệp ảnh SVG

## Kế hoạch, nhiệm vụ được giao và báo cáo về chúng.

help-plan = Lập kế hoạch số lần kiểm tra từng đơn vị
help-plan-set = Đặt số lượt kiểm tra một đơn vị (hoặc mọi đơn vị) cần có mỗi tháng, quý hoặc năm
help-plan-set--unit = Mã đơn vị hoặc một phần tên không nhầm lẫn, hoặc `all` cho mọi đơn vị chưa có kế hoạch riêng
help-plan-set--visits = Số lượt kiểm tra trong mỗi kỳ
help-plan-set--per = Độ dài của mỗi kỳ
help-plan-set--from = Tháng đầu tiên áp dụng kế hoạch, như `1/2022` [mặc định: từ đầu]
help-plan-set--to = Tháng cuối cùng áp dụng kế hoạch [mặc định: cho đến khi có kế hoạch khác]
help-plan-list = Liệt kê các kế hoạch
help-plan-list--include_void = Liệt kê cả các kế hoạch đã bỏ trước khi bắt đầu
help-plan-clear = Bỏ kế hoạch của một đơn vị (hoặc của mọi đơn vị) từ một tháng trở đi; các tháng trước vẫn giữ
help-plan-clear--unit = Mã đơn vị hoặc một phần tên không nhầm lẫn, hoặc `all` cho kế hoạch chung của mọi đơn vị
help-plan-clear--from = Tháng đầu tiên không còn kế hoạch [mặc định: tháng hiện tại]
help-task = Ghi, hoàn thành, sửa hoặc liệt kê các nhiệm vụ được giao cho đơn vị
help-task-add = Ghi một nhiệm vụ giao cho đơn vị, kèm thời hạn
help-task-add--unit = Mã đơn vị hoặc một phần tên không nhầm lẫn
help-task-add--text = Công việc đơn vị phải làm
help-task-add--due = Thời hạn hoàn thành
help-task-add--assigned = Ngày giao nhiệm vụ
help-task-add--source = Văn bản chỉ đạo giao nhiệm vụ, như `Công văn 125/UBND`
help-task-add--note = Ghi chú
help-task-done = Ghi nhận đơn vị đã hoàn thành nhiệm vụ
help-task-done--id = Nhiệm vụ: số thứ tự hoặc phần đầu mã định danh
help-task-done--on = Ngày hoàn thành [mặc định: hôm nay]
help-task-list = Liệt kê nhiệm vụ và tình trạng hôm nay của từng nhiệm vụ
help-task-list--unit = Chỉ các nhiệm vụ của đơn vị này
help-task-list--open = Chỉ các nhiệm vụ chưa hoàn thành
help-task-list--overdue = Chỉ các nhiệm vụ đã quá hạn mà chưa hoàn thành
help-task-list--include_void = Liệt kê cả các nhiệm vụ đã hủy
help-task-show = Xem đầy đủ một nhiệm vụ, kèm lịch sử sửa đổi
help-task-show--id = Nhiệm vụ: số thứ tự hoặc phần đầu mã định danh
help-task-edit = Sửa một nhiệm vụ; bản cũ vẫn được lưu trong lịch sử
help-task-edit--id = Nhiệm vụ: số thứ tự hoặc phần đầu mã định danh
help-task-edit--text = Công việc đơn vị phải làm
help-task-edit--due = Thời hạn hoàn thành
help-task-edit--assigned = Ngày giao nhiệm vụ (`""` để bỏ trống)
help-task-edit--source = Văn bản chỉ đạo giao nhiệm vụ (`""` để bỏ trống)
help-task-edit--done = Ngày hoàn thành
help-task-edit--not_done = Nhiệm vụ thực ra chưa hoàn thành
help-task-edit--note = Ghi chú (`""` để bỏ trống)
help-task-edit--reason = Lý do sửa, lưu trong lịch sử
help-task-void = Hủy một nhiệm vụ: vẫn lưu trong sổ nhưng không còn trong danh sách và báo cáo
help-task-void--id = Nhiệm vụ: số thứ tự hoặc phần đầu mã định danh
help-task-void--reason = Lý do hủy
help-unfinished = Ghi nhiệm vụ được giao chưa hoàn thành khi đã quá hạn, tại lượt kiểm tra đơn vị đó
help-unfinished--task = Nhiệm vụ: số thứ tự hoặc phần đầu mã định danh
help-unfinished--visit = Lượt kiểm tra cần ghi vào, nếu không phải lượt đang mở
help-unfinished--action = Hình thức xử lý
help-unfinished--note = Ghi chú
help-report-plan = Số lượt kiểm tra theo kế hoạch và đã thực hiện của từng đơn vị trong kỳ kế hoạch chứa tháng đó, và các đơn vị chưa được kiểm tra trong quý
help-report-plan--month = Tháng: `5/2022`, `2022-05`, `this`, `last` [mặc định: tháng hiện tại]
help-report-tasks = Các nhiệm vụ được giao đang thực hiện và quá hạn của từng đơn vị vào cuối kỳ
help-report-tasks--month = Kỳ báo cáo: `5/2022`, `2022-05`, `this`, `last` [mặc định: kỳ hiện tại]

## Sửa đơn vị: `unit add --force`, `unit merge`, `unit retire`.

help-unit-add--force = Vẫn thêm đơn vị dù đã có một đơn vị khác cùng tên
help-unit-merge = Gộp hai đơn vị thực ra là một: các lượt kiểm tra, cán bộ, kế hoạch và nhiệm vụ của đơn vị thứ hai chuyển sang đơn vị thứ nhất, và đơn vị thứ hai thôi sử dụng, ghi là đã gộp vào đơn vị thứ nhất
help-unit-merge--keep = Đơn vị được giữ lại: mã hoặc một phần tên đủ để nhận ra đơn vị
help-unit-merge--other = Đơn vị được gộp vào đó
help-unit-retire = Thôi sử dụng một đơn vị (xã đã sáp nhập, cơ quan đã giải thể): vẫn giữ cho lịch sử và các báo cáo cũ, nhưng không còn dùng cho lượt kiểm tra mới
help-unit-retire--unit = Mã đơn vị hoặc một phần tên đủ để nhận ra đơn vị
help-unit-retire--on = Ngày thôi sử dụng [mặc định: hôm nay]
help-unit-retire--undo = Dùng lại đơn vị, và bỏ việc gộp đơn vị này vào đơn vị khác
help-visit-list--include_void = Liệt kê cả các lượt kiểm tra đã hủy vì bắt đầu nhầm
help-visit-edit = Sửa một lượt kiểm tra: giờ, đoàn, hình thức, số cán bộ hoặc ghi chú
help-visit-edit--id = Số thứ tự hoặc phần đầu mã uid của lượt kiểm tra
help-visit-edit--start = Thời điểm bắt đầu; chỉ nhập giờ thì giữ nguyên ngày của lượt kiểm tra
help-visit-edit--end = Thời điểm kết thúc; chỉ nhập giờ thì hiểu là ngày lượt kiểm tra bắt đầu
help-visit-edit--team = Thành viên đoàn, như "Lê Thị Hoa, Phạm Minh Tuấn" (`""` để xóa)
help-visit-edit--announced = Lượt kiểm tra có báo trước
help-visit-edit--unannounced = Lượt kiểm tra không báo trước (đột xuất)
help-visit-edit--on_roll = Số cán bộ theo danh sách của đơn vị
help-visit-edit--present = Số cán bộ có mặt khi đoàn đến
help-visit-edit--files_checked = Số hồ sơ của người dân đoàn đã kiểm tra tại bộ phận một cửa, để tính tỷ lệ trễ hạn
help-visit-edit--note = Ghi chú về lượt kiểm tra (`""` để xóa)
help-visit-edit--reason = Lý do sửa, được lưu trong lịch sử
help-visit-void = Hủy một lượt kiểm tra bắt đầu nhầm cùng các phát hiện của lượt đó; lượt này không còn trong danh sách và báo cáo
help-visit-void--id = Số thứ tự hoặc phần đầu mã uid của lượt kiểm tra
help-visit-void--reason = Lý do hủy, được lưu trong lịch sử của lượt kiểm tra và của từng phát hiện
help-recount = Tính lại số ngày làm việc đã lưu của các hồ sơ trễ hẹn và nhiệm vụ chưa hoàn thành trong một kỳ, sau khi lịch thay đổi
help-recount--month = Tháng báo cáo: `5/2022`, `2022-05`, `this` (tháng này), `last` (tháng trước)
help-recount--from = Từ ngày
help-recount--to = Đến ngày (tính cả ngày này)
help-recount--unit = Chỉ đơn vị này
help-recount--dry_run = Chỉ cho xem những gì sẽ thay đổi, không sửa gì
help-conflicts = Liệt kê các xung đột do gộp sổ tìm thấy (một trường bị sửa ở cả hai sổ), hoặc giải quyết một xung đột
help-conflicts--all = Cả các xung đột đã giải quyết, kèm giá trị đã chọn
help-conflicts-resolve = Giải quyết một xung đột: trường nhận một giá trị, ghi thành một lần sửa có mục lịch sử
help-conflicts-resolve--number = Số của xung đột, như `spotcheck conflicts` liệt kê
help-conflicts-resolve--take = mine: giá trị của sổ này trước khi gộp; theirs: giá trị từ sổ kia
help-conflicts-resolve--value = Một giá trị khác cho trường: văn bản, ngày, giờ, số hoặc hình thức xử lý

## Sổ kia của `merge` phải vượt qua các bước kiểm tra.

help-merge--accept_unverified = Vẫn gộp dù sổ kia không vượt qua các bước kiểm tra của `spotcheck check`; khi đó lịch sử ghi rõ điều này bên cạnh mỗi bản ghi được thay đổi
help-merge--other_passphrase_file = Khi sổ kia được mã hóa mà kho khóa của máy này không giữ khóa của nó: đọc cụm mật khẩu của sổ kia từ dòng đầu của tệp này
help-report-quarter = Các mục của báo cáo tháng cho cả một quý, kèm số liệu tổng của từng tháng trong quý
help-report-quarter--quarter = Quý: `2026-Q3`, `Q3/2026`, `this` (quý này), `last` (quý trước) [mặc định: quý hiện tại]
help-report-quarter--by_month = Với `--format csv`: mỗi tháng một dòng thay cho mỗi đơn vị; với `--svg`: vẽ theo tháng
help-report-quarter--xlsx = Ghi thêm báo cáo ra tệp Excel: bảng tổng hợp kèm số liệu kỳ trước và biểu đồ, từng tháng, toàn bộ phát hiện, danh sách tái phạm
help-report-quarter--svg = Vẽ thêm biểu đồ phát hiện theo đơn vị (với `--by-month`: theo tháng), chồng theo loại vi phạm, ra tệp ảnh SVG
help-report-half = Các mục của báo cáo tháng cho 6 tháng, kèm số liệu tổng của từng tháng
help-report-half--half = Nửa năm: `2026-H1` (6 tháng đầu năm), `2026-H2` (6 tháng cuối năm), `H2/2026`, `this`, `last` [mặc định: nửa năm hiện tại]
help-report-half--by_month = Với `--format csv`: mỗi tháng một dòng thay cho mỗi đơn vị; với `--svg`: vẽ theo tháng
help-report-half--xlsx = Ghi thêm báo cáo ra tệp Excel: bảng tổng hợp kèm số liệu kỳ trước và biểu đồ, từng tháng, toàn bộ phát hiện, danh sách tái phạm
help-report-half--svg = Vẽ thêm biểu đồ phát hiện theo đơn vị (với `--by-month`: theo tháng), chồng theo loại vi phạm, ra tệp ảnh SVG
help-report-year = Các mục của báo cáo tháng cho cả năm, kèm số liệu tổng của từng tháng
help-report-year--year = Năm: `2026`, `this` (năm nay), `last` (năm trước) [mặc định: năm hiện tại]
help-report-year--by_month = Với `--format csv`: mỗi tháng một dòng thay cho mỗi đơn vị; với `--svg`: vẽ theo tháng
help-report-year--xlsx = Ghi thêm báo cáo ra tệp Excel: bảng tổng hợp kèm số liệu kỳ trước và biểu đồ, từng tháng, toàn bộ phát hiện, danh sách tái phạm
help-report-year--svg = Vẽ thêm biểu đồ phát hiện theo đơn vị (với `--by-month`: theo tháng), chồng theo loại vi phạm, ra tệp ảnh SVG
help-report-period = Các mục của báo cáo tháng cho các tháng từ tháng này đến tháng kia, kèm số liệu tổng của từng tháng
help-report-period--from = Tháng đầu: `2/2026`, `2026-02`, `this`, `last`
help-report-period--to = Tháng cuối: `5/2026`, `2026-05`, `this`, `last`
help-report-period--by_month = Với `--format csv`: mỗi tháng một dòng thay cho mỗi đơn vị; với `--svg`: vẽ theo tháng
help-report-period--xlsx = Ghi thêm báo cáo ra tệp Excel: bảng tổng hợp kèm số liệu kỳ trước và biểu đồ, từng tháng, toàn bộ phát hiện, danh sách tái phạm
help-report-period--svg = Vẽ thêm biểu đồ phát hiện theo đơn vị (với `--by-month`: theo tháng), chồng theo loại vi phạm, ra tệp ảnh SVG
help-report-repeat--absences = Với `--format csv` hoặc `json`, số ngày vắng không lý do của từng người trong tháng và trong năm, thay cho danh sách người tái phạm
help-report-month--categories = Kèm các nhóm vi phạm thường gặp nhất của từng đơn vị
help-report-quarter--categories = Kèm các nhóm vi phạm thường gặp nhất của từng đơn vị
help-report-half--categories = Kèm các nhóm vi phạm thường gặp nhất của từng đơn vị
help-report-year--categories = Kèm các nhóm vi phạm thường gặp nhất của từng đơn vị
help-report-period--categories = Kèm các nhóm vi phạm thường gặp nhất của từng đơn vị
help-report-quarter--by_parent = Xếp các đơn vị theo đơn vị mà chúng trực thuộc, mỗi nhóm có dòng cộng riêng
help-report-half--by_parent = Xếp các đơn vị theo đơn vị mà chúng trực thuộc, mỗi nhóm có dòng cộng riêng
help-report-year--by_parent = Xếp các đơn vị theo đơn vị mà chúng trực thuộc, mỗi nhóm có dòng cộng riêng
help-report-period--by_parent = Xếp các đơn vị theo đơn vị mà chúng trực thuộc, mỗi nhóm có dòng cộng riêng
help-report-month--overdue_details = Kèm hồ sơ trễ hẹn của từng đơn vị theo văn bản xin lỗi đã gửi, hình thức nộp (trực tuyến, trực tiếp) và khâu bị chậm
help-report-month--decisions = Kèm danh sách quyết định xử lý kỷ luật trong kỳ: hình thức, số và ngày quyết định, người quyết định
help-report-quarter--overdue_details = Kèm hồ sơ trễ hẹn của từng đơn vị theo văn bản xin lỗi đã gửi, hình thức nộp (trực tuyến, trực tiếp) và khâu bị chậm
help-report-quarter--decisions = Kèm danh sách quyết định xử lý kỷ luật trong kỳ: hình thức, số và ngày quyết định, người quyết định
help-report-half--overdue_details = Kèm hồ sơ trễ hẹn của từng đơn vị theo văn bản xin lỗi đã gửi, hình thức nộp (trực tuyến, trực tiếp) và khâu bị chậm
help-report-half--decisions = Kèm danh sách quyết định xử lý kỷ luật trong kỳ: hình thức, số và ngày quyết định, người quyết định
help-report-year--overdue_details = Kèm hồ sơ trễ hẹn của từng đơn vị theo văn bản xin lỗi đã gửi, hình thức nộp (trực tuyến, trực tiếp) và khâu bị chậm
help-report-year--decisions = Kèm danh sách quyết định xử lý kỷ luật trong kỳ: hình thức, số và ngày quyết định, người quyết định
help-report-period--overdue_details = Kèm hồ sơ trễ hẹn của từng đơn vị theo văn bản xin lỗi đã gửi, hình thức nộp (trực tuyến, trực tiếp) và khâu bị chậm
help-report-period--decisions = Kèm danh sách quyết định xử lý kỷ luật trong kỳ: hình thức, số và ngày quyết định, người quyết định
help-report-quarter--dated = Với `--format html`, ngày ghi trên báo cáo thay cho hôm nay: `05/01/2026`, `2026-01-05`, `hôm qua`
help-report-quarter--by_status = Thêm bảng vi phạm của cán bộ theo diện nhân sự, mỗi diện một dòng và một dòng cho người chưa ghi diện (với `--format csv`, bảng này thay cho bảng tổng hợp)
help-report-half--dated = Với `--format html`, ngày ghi trên báo cáo thay cho hôm nay: `05/01/2026`, `2026-01-05`, `hôm qua`
help-report-half--by_status = Thêm bảng vi phạm của cán bộ theo diện nhân sự, mỗi diện một dòng và một dòng cho người chưa ghi diện (với `--format csv`, bảng này thay cho bảng tổng hợp)
help-report-year--dated = Với `--format html`, ngày ghi trên báo cáo thay cho hôm nay: `05/01/2026`, `2026-01-05`, `hôm qua`
help-report-year--by_status = Thêm bảng vi phạm của cán bộ theo diện nhân sự, mỗi diện một dòng và một dòng cho người chưa ghi diện (với `--format csv`, bảng này thay cho bảng tổng hợp)
help-report-period--dated = Với `--format html`, ngày ghi trên báo cáo thay cho hôm nay: `05/01/2026`, `2026-01-05`, `hôm qua`
help-report-period--by_status = Thêm bảng vi phạm của cán bộ theo diện nhân sự, mỗi diện một dòng và một dòng cho người chưa ghi diện (với `--format csv`, bảng này thay cho bảng tổng hợp)
