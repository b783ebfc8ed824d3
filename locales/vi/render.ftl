### Tiêu đề cột và từ ngữ nghiệp vụ trong bảng. Khóa cột của CSV và JSON
### không đổi theo ngôn ngữ.

value-yes = có
value-no = không

## Từ ngữ nghiệp vụ.

term-late = đi muộn
term-absent = vắng
term-overdue = hồ sơ trễ hẹn
term-other = vi phạm khác
term-reminded = nhắc nhở
term-criticised = phê bình
term-review = kiểm điểm
term-discipline = đề nghị kỷ luật
term-reported = nêu trong báo cáo
term-announced = báo trước
term-unannounced = đột xuất
term-TOTAL = TỔNG CỘNG
term-SUBTOTAL = Cộng

## Loại đơn vị (`unit add --kind`).

unit-kind-commune = xã
unit-kind-ward = phường
unit-kind-special-zone = đặc khu
unit-kind-town = thị trấn
unit-kind-office = phòng, ban
unit-kind-department = sở
unit-kind-agency = cơ quan
unit-kind-service-centre = trung tâm phục vụ hành chính công
unit-kind-reception-point = điểm tiếp nhận
unit-kind-school = trường học
unit-kind-health = y tế
unit-kind-other = khác

## Tiêu đề cột.

col-name = họ và tên
col-position = chức vụ
col-unit_code = mã đơn vị
col-unit_name = đơn vị
col-code = mã
col-kind = loại
col-note = ghi chú
col-number = số
col-uid = mã định danh
col-findings = phát hiện
col-kinds = loại vi phạm
col-first_date = lần đầu
col-last_date = lần cuối
col-highest_action = xử lý cao nhất
col-next_action = đề xuất xử lý
col-overdue = hồ sơ trễ hẹn
col-overdue_working_days = ngày làm việc trễ
col-total = tổng
col-average = trung bình
col-field = mục
col-value = giá trị
col-setting = thiết lập
col-source = nguồn
col-started_at = bắt đầu
col-ended_at = kết thúc
col-announced = báo trước
col-team = { $team_word ->
    [doan] đoàn kiểm tra
   *[to] tổ kiểm tra
}
col-on_roll = biên chế
col-present = có mặt
col-created_by = người ghi
col-morning_start = giờ làm buổi sáng
col-afternoon_start = giờ làm buổi chiều
col-logbook = sổ kiểm tra
col-next = việc tiếp theo
col-problem = vấn đề
col-record = bản ghi
col-records = bản ghi
col-new = mới
col-updated = cập nhật
col-unchanged = không đổi
col-conflicts = xung đột
col-due = ngày hẹn trả

## Tiêu đề cột của từng bảng.

head-no = Số
head-no-dot = số
head-when = thời gian
head-unit = đơn vị
head-type = hình thức
head-team = { $team_word ->
    [doan] đoàn kiểm tra
   *[to] tổ kiểm tra
}
head-present = có mặt
head-findings = phát hiện
head-kind = loại
head-person = cán bộ
head-detail = chi tiết
head-action = xử lý
head-date = ngày
head-void = đã hủy
head-by = người ghi
head-record = bản ghi
head-changes = thay đổi
head-reason = lý do
head-current-visit = lượt kiểm tra hiện tại
head-findings-today = phát hiện hôm nay
head-overdue-tasks = nhiệm vụ quá hạn

## Kế hoạch và nhiệm vụ được giao.

term-task = nhiệm vụ chưa hoàn thành
term-unfinished_tasks = nhiệm vụ chưa hoàn thành
term-month = tháng
term-quarter = quý
term-year = năm
term-task_open = đang thực hiện
term-task_done = đã hoàn thành
term-task_done_late = hoàn thành trễ hạn
term-task_void = đã hủy
term-task_overdue = quá hạn
col-visits = số lượt
col-per = kỳ
col-from_month = từ tháng
col-to_month = đến tháng
col-voided_at = hủy lúc
col-void_reason = lý do hủy
col-text = nội dung
col-assigned_on = ngày giao
col-due_on = hạn
col-done_on = ngày hoàn thành
col-state = tình trạng
col-days_late = số ngày trễ
col-working_days_late = số ngày LV trễ
col-times_found_unfinished = số lần phát hiện
col-first_day = từ ngày
col-last_day = đến ngày
col-planned = kế hoạch
col-made = đã kiểm tra
col-behind = còn thiếu
col-quarter_visits = lượt trong quý
col-last_visit = lần kiểm tra gần nhất
col-assigned = được giao
col-done_on_time = đúng hạn
col-done_late = trễ hạn
col-open = đang thực hiện
col-overdue_tasks = quá hạn
head-task = nhiệm vụ
head-task-source = căn cứ
head-due = hạn
head-done = hoàn thành
head-state = tình trạng
head-days-late = số ngày trễ
head-found-unfinished = lần phát hiện

## A table cut short
render-rows-cut = chỉ hiện { $shown } dòng đầu; dùng --format csv để xem tất cả

## Các cột của đơn vị thôi sử dụng trong `unit list`.
col-retired_on = thôi sử dụng từ
col-merged_into = đã gộp vào
col-parent = trực thuộc
col-week = tuần làm việc
col-follows_seasons = theo mùa

## Các cột của `recount`: số ngày đã lưu, trước và sau khi tính lại.
col-as_of = tính đến
col-days_before = số ngày trước
col-days_after = số ngày sau
col-working_days_before = ngày LV trước
col-working_days_after = ngày LV sau

## Các nhóm vi phạm có sẵn của phát hiện `other`.
term-badge = không đeo thẻ công chức, viên chức
term-uniform = trang phục không đúng quy định
term-alcohol = uống rượu, bia trong giờ làm việc
term-left-post = bỏ vị trí làm việc
term-private-business = làm việc riêng, chơi trò chơi trong giờ làm việc
term-attitude = thái độ, tác phong với người dân
term-hygiene = vệ sinh trụ sở, nơi làm việc
term-procedures-not-posted = không niêm yết công khai thủ tục hành chính
term-roster-not-kept = không thực hiện lịch trực bộ phận một cửa

## Lý do vắng, khâu và hình thức nộp hồ sơ trễ hẹn, và các hình thức kỷ
## luật (Nghị định 172/2025/NĐ-CP).

term-early = về sớm
excuse-leave = nghỉ phép
excuse-business-trip = đi công tác
excuse-sick = ốm
excuse-other = lý do khác
stage-reception = tiếp nhận
stage-processing = thụ lý, giải quyết
stage-coordination = phối hợp với cơ quan khác
stage-approval = phê duyệt
stage-return = trả kết quả
channel-online = trực tuyến
channel-direct = trực tiếp
form-reprimand = khiển trách
form-warning = cảnh cáo
form-removal = cách chức
form-dismissal = buộc thôi việc
head-found-on = ngày phát hiện
head-decision-due = hạn quyết định
head-category = nhóm vi phạm
head-month-days = số ngày trong tháng
head-year-days = số ngày trong năm
head-over-threshold = vượt ngưỡng
head-unit-name = tên đơn vị

## Diện nhân sự của một người.

status-civil-servant = công chức
status-public-employee = viên chức
status-contract = hợp đồng lao động
status-part-time = người hoạt động không chuyên trách cấp xã
status-not-recorded = chưa ghi
term-absent-unexcused = vắng không lý do
col-apologised = có văn bản xin lỗi
col-online = trực tuyến
col-direct = trực tiếp
col-stage_reception = trễ khâu tiếp nhận
col-stage_processing = trễ khâu giải quyết
col-stage_coordination = trễ khâu phối hợp
col-stage_approval = trễ khâu phê duyệt
col-stage_return = trễ khâu trả kết quả
head-discipline-form = hình thức kỷ luật
head-decision-ref = số quyết định
head-decided-on = ngày quyết định
head-decided-by = người quyết định
term-closed-without-discipline = không xử lý kỷ luật
col-visit_uid = mã định danh lượt kiểm tra
col-visit_started_at = bắt đầu lượt kiểm tra
col-person = cán bộ
col-arrived_at = giờ đến
col-expected_at = giờ quy định
col-minutes_late = số phút đi muộn
col-meeting = cuộc họp
col-file_ref = số hồ sơ
col-procedure = thủ tục
col-received_on = ngày tiếp nhận
col-returned_on = ngày trả kết quả
col-days_overdue = số ngày trễ hẹn
col-working_days_overdue = số ngày làm việc trễ hẹn
col-category = nhóm vi phạm
col-description = nội dung
col-action = biện pháp xử lý
col-logged_by = người ghi
col-logged_at = thời điểm ghi
col-task_uid = mã định danh nhiệm vụ
col-person_uid = mã định danh cán bộ
col-excuse = lý do vắng
col-left_at = giờ về
col-minutes_early = số phút về sớm
col-apology_on = ngày gửi văn bản xin lỗi
col-new_due_on = ngày hẹn mới
col-delay_cause = nguyên nhân chậm
col-delay_stage = khâu bị chậm
col-responsible = người chịu trách nhiệm
col-channel = hình thức nộp
col-discipline_form = hình thức kỷ luật
col-decision_ref = số quyết định
col-decided_on = ngày quyết định
col-decided_by = người quyết định
col-complex_case = vụ việc phức tạp
col-files_checked = số hồ sơ được kiểm tra
col-created_at = thời điểm tạo
col-updated_at = thời điểm sửa
col-alias_of_uid = mã định danh người gốc
col-merged_into_uid = mã định danh đơn vị nhập vào
col-parent_uid = mã định danh đơn vị cấp trên
head-at = lúc
history-action-insert = thêm
history-action-edit = sửa
history-action-void = hủy
history-action-merge = gộp
history-record-finding = phát hiện
history-record-visit = lượt kiểm tra
history-record-unit = đơn vị
history-record-person = cán bộ
history-record-plan = kế hoạch
history-record-task = nhiệm vụ
col-start = bắt đầu
col-end = kết thúc
