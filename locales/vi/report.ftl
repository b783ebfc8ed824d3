### Báo cáo gửi lãnh đạo.

## Bảng tổng hợp tháng: tiêu đề ngắn cho từng số liệu.

sum-unit_code = mã
sum-unit_name = đơn vị
sum-visits = lượt KT
sum-late = đi muộn
sum-late_minutes = phút muộn
sum-absent = vắng không lý do
sum-overdue = trễ hẹn
sum-overdue_working_days = ngày LV trễ
sum-other = khác
sum-findings = tổng số
sum-repeat_people = tái phạm

## Các số liệu khi so sánh hai kỳ.

change-visits = lượt kiểm tra
change-late = đi muộn
change-late_minutes = phút đi muộn
change-absent = vắng không lý do
change-overdue = hồ sơ trễ hẹn
change-overdue_working_days = ngày làm việc trễ hẹn
change-other = vi phạm khác
change-findings = tổng số phát hiện
change-repeat_people = người tái phạm

report-month-title = Báo cáo tháng { $period }: từ { $first } đến { $last }
report-not-visited = Đơn vị chưa được kiểm tra
report-every-unit-visited = không có: mọi đơn vị đã được kiểm tra
report-most-overdue = Đơn vị có nhiều hồ sơ trễ hẹn nhất
report-no-overdue = không có: không phát hiện hồ sơ trễ hẹn
report-repeat-heading = Tái phạm (có vi phạm trong kỳ này và trong { $months } tháng trước đó)
report-none = không có
report-change-heading = So với kỳ { $period } (từ { $first } đến { $last })
report-status-heading = Vi phạm theo diện nhân sự
report-status-column = diện nhân sự
report-status-people = số người
report-seal = Mã kiểm chứng: { $seal } (lệnh `spotcheck check --seal { $seal }` xác nhận sổ vẫn giữ đúng các bản ghi đã dùng để lập báo cáo này)
report-repeat-title = Tái phạm: có vi phạm trong từ { $min } lượt kiểm tra trở lên, từ { $first } đến { $last }
report-trend-title = Diễn biến { $measure } theo { $by ->
        [kind] loại vi phạm
       *[unit] đơn vị
    }: từ { $first } đến { $last }

measure-findings = số phát hiện
measure-late = số lượt đi muộn
measure-absent = số lượt vắng không lý do
measure-overdue = số hồ sơ trễ hẹn
measure-other = số vi phạm khác
measure-late_minutes = số phút đi muộn
measure-overdue_working_days = số ngày làm việc trễ hẹn
measure-visits = số lượt kiểm tra

report-months-range = `--months { $months }` phải từ 1 đến 120
report-min-zero = `--min 0` sẽ liệt kê mọi người: hãy cho ít nhất `--min 1`
report-trend-by = `--by { $by }`: bảng diễn biến có mỗi dòng theo `unit` (đơn vị) hoặc `kind` (loại vi phạm)
report-trend-from-after-to = `--from { $from }` sau `--to { $to }`: kỳ đầu phải đứng trước

## Báo cáo tháng dạng bảng tính.

report-sheet-summary = Tổng hợp
report-sheet-findings = Phát hiện
report-sheet-repeat = Tái phạm
report-chart-title = Phát hiện theo đơn vị và loại vi phạm, { $period }
report-xlsx-written = đã ghi { $file }: bảng tổng hợp, { $findings } phát hiện và danh sách tái phạm
report-xlsx-failed = không tạo được tệp bảng tính: { $problem }
report-trend-per-period = Từng kỳ, cộng tất cả các hàng
report-trend-svg-title = Diễn biến { $measure }, { $first } – { $last }
report-svg-written = đã ghi { $file }
report-svg-failed = không vẽ được biểu đồ: { $problem }

## Báo cáo tháng để in (HTML).

html-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
html-motto = Độc lập - Tự do - Hạnh phúc
html-default-team = { $team_word ->
    [doan] ĐOÀN KIỂM TRA CÔNG VỤ
   *[to] TỔ KIỂM TRA CÔNG VỤ
}
html-default-signer-title = { $team_word ->
    [doan] TRƯỞNG ĐOÀN
   *[to] TỔ TRƯỞNG
}
html-addressed-to = Kính gửi:
html-copies = Nơi nhận:
html-filed = Lưu: VT
html-filed-with = Lưu: VT, { $symbol }
html-number = Số: { $number }/BC-{ $symbol }
html-verification = Mã kiểm chứng: { $seal } (xác nhận bằng lệnh `spotcheck check --seal` với mã này)
html-place-and-date = { $place }, ngày { $day } tháng { $month } năm { $year }
html-title = BÁO CÁO
html-subtitle = Kết quả kiểm tra công vụ tháng { $month }/{ $year } (từ { $first } đến { $last })

## Kế hoạch và nhiệm vụ được giao trong báo cáo.

sum-planned_visits = kế hoạch
sum-unfinished_tasks = nhiệm vụ
sum-group = nhóm
change-unfinished_tasks = nhiệm vụ chưa hoàn thành
report-plan-title = Kế hoạch kiểm tra, tháng { $period } (từ { $first } đến { $last })
report-plan-behind = Chưa đạt kế hoạch
report-plan-none-behind = không đơn vị nào chậm so với kế hoạch
report-plan-not-checked = Chưa được kiểm tra trong quý (từ { $first } đến { $last })
report-tasks-title = Nhiệm vụ được giao, tháng { $period }, tính đến { $as_of }
report-tasks-none = chưa có nhiệm vụ nào được giao đến thời điểm đó
report-tasks-undone = Chưa hoàn thành đến { $as_of }
report-trend-visits-rows-kind = lượt kiểm tra không có loại vi phạm: dùng `--measure visits` với `--rows unit`
report-span-title = Báo cáo { $period }: từ { $first } đến { $last }
report-months-heading = Từng tháng (dòng tổng cộng của báo cáo mỗi tháng)
report-months-chart-title = Phát hiện theo tháng và loại vi phạm, { $period }
report-sheet-months = Từng tháng
sum-month = tháng
html-subtitle-span = Kết quả kiểm tra công vụ { $period } (từ { $first } đến { $last })
span-quarter = quý { $quarter ->
    [1] I
    [2] II
    [3] III
   *[4] IV
}/{ $year }
span-half-first = 6 tháng đầu năm { $year }
span-half-second = 6 tháng cuối năm { $year }
span-year = năm { $year }
span-months = từ tháng { $first } đến tháng { $last }
report-repeat-heading-span = Tái phạm (vi phạm trong ít nhất hai lượt kiểm tra trong kỳ này và { $months } tháng trước đó, ít nhất một lần trong kỳ này)

## Vắng có lý do, về sớm và hồ sơ được kiểm tra trong báo cáo.

sum-excused_absences = vắng có lý do
sum-early = về sớm
sum-files_checked = hồ sơ kiểm tra
sum-overdue_rate = tỷ lệ trễ hạn %
change-excused_absences = vắng có lý do
change-early = về sớm
change-files_checked = hồ sơ được kiểm tra
report-late-decisions = { $count } đề nghị xử lý kỷ luật đã quá thời hạn xử lý kỷ luật mà chưa có quyết định (90 ngày kể từ ngày phát hiện vi phạm, 150 ngày với vụ việc phức tạp; Nghị định 172/2025/NĐ-CP): ghi quyết định bằng `spotcheck edit N --decided-on NGÀY`
report-categories-heading = Các nhóm vi phạm thường gặp nhất, tối đa { $top } nhóm mỗi đơn vị
status-late-decisions = quá hạn xử lý kỷ luật
report-absences-heading = Số ngày vắng không lý do trong giờ làm việc, tháng { $month } (từ { $first }) và trong năm (từ { $year_first }) đến { $last }; ngưỡng theo cấu hình: { $month_threshold } ngày một tháng, { $year_threshold } ngày một năm
chart-absent = vắng không lý do
report-overdue-details-heading = Hồ sơ trễ hẹn: văn bản xin lỗi, hình thức nộp và khâu bị chậm
report-decisions-heading = Kết quả xử lý kỷ luật đã quyết định trong kỳ

# The printed report: tiêu đề cột viết đủ chữ.
paper-row = STT
paper-unit = Đơn vị
paper-visits = Lượt kiểm tra
paper-late = Đi muộn
paper-absent = Vắng không lý do
paper-early = Về sớm
paper-overdue = Hồ sơ trễ hẹn
paper-unfinished_tasks = Nhiệm vụ chưa hoàn thành
paper-other = Vi phạm khác
paper-findings = Tổng số phát hiện
paper-repeat_people = Người tái phạm
report-dated-without-html = `--dated` là ngày ghi trên bản in báo cáo: hãy thêm `--format html`, hoặc bỏ `--dated`
report-dated-bad = --dated: { $problem }
report-nothing-moved = mọi số liệu như kỳ trước
