/**
 * The library's one table of UI words, Vietnamese first: status lines, card and chart labels,
 * keyboard help. Each entry is its own export, read as `words.legend` through
 * `import * as words`, so a bundle carries only the words its widgets say (a KPI card does not
 * ship the charts' sentences). `{name}` placeholders are filled by `message()` as plain text.
 */
export const loading = { vi: 'Đang tải…', en: 'Loading…' };
export const empty = { vi: 'Chưa có dữ liệu', en: 'No data yet' };
export const error = { vi: 'Không tải được dữ liệu', en: 'Could not load data' };
export const stale = { vi: 'Dữ liệu cũ, cập nhật lỗi', en: 'Showing older data: refresh failed' };
export const noSource = { vi: 'Chưa có nguồn dữ liệu', en: 'No data source' };
export const noIndicator = { vi: 'Chưa chọn chỉ tiêu', en: 'No indicator chosen' };
export const noArea = { vi: 'Chưa chọn địa bàn', en: 'No area chosen' };
export const unknownIndicator = { vi: 'Chỉ tiêu không xác định', en: 'Unknown indicator' };
export const vsPrevious = { vi: 'so với kỳ trước', en: 'vs previous period' };
export const up = { vi: 'Tăng', en: 'Up' };
export const down = { vi: 'Giảm', en: 'Down' };
export const unchanged = { vi: 'Không đổi', en: 'Unchanged' };
export const target = { vi: 'Mục tiêu', en: 'Target' };
export const sameLastYear = { vi: 'Cùng kỳ năm trước', en: 'Same period last year' };
export const sameLastYearShort = { vi: 'Cùng kỳ', en: 'Last year' };
export const updated = { vi: 'Cập nhật', en: 'Updated' };
// Charts
export const legend = { vi: 'Chú giải', en: 'Legend' };
export const showTable = { vi: 'Xem bảng số liệu', en: 'Show data table' };
export const showChart = { vi: 'Xem biểu đồ', en: 'Show chart' };
export const time = { vi: 'Thời gian', en: 'Time' };
export const value = { vi: 'Giá trị', en: 'Value' };
export const truncated = { vi: 'Hiển thị {shown} dòng mới nhất trong {total}', en: 'Showing the latest {shown} of {total} rows' };
export const keyboardHelp = {
    vi: 'Dùng phím mũi tên để đi qua các điểm, Home/End tới điểm đầu/cuối.',
    en: 'Use the arrow keys to move between points, Home/End for the first/last.',
};
export const zoomHelp = {
    vi: 'Phím + và − để phóng to/thu nhỏ, Shift + mũi tên để dịch, 0 để xem toàn bộ.',
    en: 'Press + and − to zoom, Shift + arrows to pan, 0 to see everything.',
};
export const resetZoom = { vi: 'Xem toàn bộ', en: 'Show all' };
export const overview = { vi: 'Tổng quan, kéo để chọn khoảng thời gian', en: 'Overview: drag to choose a time range' };
export const lastYear = { vi: 'cùng kỳ năm trước', en: 'same period last year' };
export const signal = { vi: 'vượt ngưỡng', en: 'crossed threshold' };
export const hidden = { vi: 'đang ẩn', en: 'hidden' };
export const series = { vi: 'Chuỗi', en: 'Series' };
export const area = { vi: 'Khu vực', en: 'Area' };
export const rank = { vi: 'Hạng', en: 'Rank' };
export const share = { vi: 'Tỷ trọng', en: 'Share' };
export const total = { vi: 'Tổng', en: 'Total' };
export const period = { vi: 'Kỳ', en: 'Period' };
export const band = { vi: 'Mức', en: 'Band' };
export const previous = { vi: 'Kỳ trước', en: 'Previous period' };
export const met = { vi: 'đạt mục tiêu', en: 'meets the target' };
export const missed = { vi: 'chưa đạt mục tiêu', en: 'misses the target' };
export const scale = { vi: 'thang đo', en: 'scale' };
export const date = { vi: 'Ngày', en: 'Date' };
export const weekday = { vi: 'Thứ', en: 'Weekday' };
export const mean = { vi: 'trung bình', en: 'mean' };
export const highest = { vi: 'cao nhất', en: 'highest' };
export const lowest = { vi: 'thấp nhất', en: 'lowest' };
export const latest = { vi: 'mới nhất', en: 'latest' };
export const trend = { vi: 'xu hướng', en: 'trend' };
export const noData = { vi: 'chưa có dữ liệu', en: 'no data yet' };
export const point = { vi: 'Điểm', en: 'Point' };
export const ranking = { vi: 'xếp hạng', en: 'ranking' };
export const rankingLead = { vi: 'Xếp hạng', en: 'Ranking' };
export const rankBestHigh = { vi: '1 = tốt nhất (cao nhất)', en: '1 = best (highest)' };
export const rankBestLow = { vi: '1 = tốt nhất (thấp nhất)', en: '1 = best (lowest)' };
export const rankHighest = { vi: '1 = cao nhất', en: '1 = highest' };
export const showingBest = { vi: '{n} tốt nhất trong {total}', en: 'best {n} of {total}' };
export const showingWorst = { vi: '{n} kém nhất trong {total}, kém nhất trước', en: 'worst {n} of {total}, worst first' };
export const showingHighest = { vi: '{n} cao nhất trong {total}', en: 'highest {n} of {total}' };
export const showingLowest = { vi: '{n} thấp nhất trong {total}, thấp nhất trước', en: 'lowest {n} of {total}, lowest first' };
export const tied = { vi: '“=”: đồng hạng', en: '“=”: tied' };
export const tiedFirst = { vi: '{n} khu vực cùng hạng 1', en: '{n} areas share rank 1' };
export const targetMet = { vi: '{met}/{n} đạt mục tiêu {target}', en: '{met} of {n} meet the target of {target}' };
export const zoomedAxis = { vi: 'trục giá trị không bắt đầu từ 0', en: 'the value axis does not start at 0' };
export const unit = { vi: 'Đơn vị', en: 'Unit' };
export const sharesInstead = { vi: 'Tỷ trọng {n} khu vực lớn nhất', en: 'Shares of the {n} largest areas' };
export const restShare = { vi: '{count} khu vực khác: {share} (mỗi khu vực ≤ {each})', en: '{count} other areas: {share} (each ≤ {each})' };
export const calendar = { vi: 'lịch theo ngày', en: 'calendar by day' };
export const hourWeekday = { vi: 'theo giờ và thứ trong tuần', en: 'by hour and weekday' };
export const inProgress = { vi: 'Đang cập nhật', en: 'In progress' };
export const allHidden = { vi: 'Tất cả chuỗi đã ẩn: chọn một chuỗi trong chú giải để hiện lại.', en: 'All series hidden: choose one in the legend to show it again.' };
// Status lines
export const retry = { vi: 'Thử lại', en: 'Retry' };
export const retryingAt = { vi: 'Thử lại lúc', en: 'Retrying at' };
export const details = { vi: 'Chi tiết', en: 'Details' };
export const accessRefused = { vi: 'Không có quyền truy cập dữ liệu', en: 'Access to the data was refused' };
export const notFound = { vi: 'Không tìm thấy dữ liệu', en: 'The data was not found' };
export const invalidData = { vi: 'Dữ liệu nhận được không hợp lệ', en: 'The data received is not valid' };
export const unsupported = { vi: 'Nguồn dữ liệu không cung cấp nội dung này', en: 'The source does not provide this' };
export const notSetUp = { vi: 'Tiện ích chưa được cấu hình đúng', en: 'The widget is not set up correctly' };
export const fewSeconds = { vi: 'vài giây', en: 'a few seconds' };
export const minutes = { vi: '{n} phút', en: '{n} min' };
export const hours = { vi: '{n} giờ', en: '{n} h' };
export const days = { vi: '{n} ngày', en: '{n} days' };
export const oneDay = { vi: '{n} ngày', en: '{n} day' };
export const staleAge = { vi: 'Dữ liệu cũ {age} trước, chưa cập nhật được', en: 'Data from {age} ago: refresh failed' };
export const other = { vi: 'Khác', en: 'Other' };
export const trendName = { vi: 'Xu hướng', en: 'Trend' };
export const calendarGridHelp = {
  vi: 'Phím mũi tên để đi giữa các ô: trái/phải theo tuần, lên/xuống theo ngày. Home/End tới ô đầu/cuối.',
  en: 'Arrow keys move between cells: left and right by week, up and down by day. Home/End for the first/last.',
};
export const hourGridHelp = {
  vi: 'Phím mũi tên để đi giữa các ô: trái/phải theo giờ, lên/xuống theo thứ. Home/End tới ô đầu/cuối.',
  en: 'Arrow keys move between cells: left and right by hour, up and down by weekday. Home/End for the first/last.',
};
export const hoursWithData = { vi: '{n}/168 giờ trong tuần có dữ liệu', en: '{n} of 168 hours of the week with data' };
export const daysWithData = { vi: '{n} ngày có dữ liệu', en: '{n} days with data' };
export const hoursWord = { vi: 'giờ', en: 'hours' };
export const daysWord = { vi: 'ngày', en: 'days' };
export const areaCount = { vi: '{n} khu vực', en: '{n} areas' };
export const ranksOf = { vi: '{area} xếp hạng {rank}/{total}.', en: '{area} ranks {rank} of {total}.' };
// Area table
export const exportCsv = { vi: 'Xuất CSV', en: 'Export CSV' };
export const areaTableHelp = {
  vi: 'Phím mũi tên để đi giữa các ô, Home/End tới đầu/cuối hàng, Ctrl+Home/End tới ô đầu/cuối bảng. Enter trên tiêu đề cột để sắp xếp, trên một hàng để chọn khu vực.',
  en: 'Arrow keys move between cells, Home/End to the start/end of a row, Ctrl+Home/End to the first/last cell. Enter on a column header sorts by it; on a row, selects that area.',
};
export const sortedAscending = { vi: 'Sắp xếp theo {column}, tăng dần', en: 'Sorted by {column}, ascending' };
export const sortedDescending = { vi: 'Sắp xếp theo {column}, giảm dần', en: 'Sorted by {column}, descending' };
export const areaTableTitle = { vi: 'Bảng chỉ tiêu theo khu vực', en: 'Indicators by area' };
export const tooManyIndicators = { vi: 'Tối đa {n} chỉ tiêu', en: 'At most {n} indicators' };
// Breadcrumb
export const breadcrumb = { vi: 'Vị trí', en: 'You are here' };
export const goUpTo = { vi: 'Quay lên {area}', en: 'Back up to {area}' };
// Boards
export const boardKpis = { vi: 'Chỉ tiêu chính', en: 'Headline indicators' };
export const boardMap = { vi: 'Bản đồ', en: 'Map' };
export const boardTrend = { vi: 'Xu hướng', en: 'Trend' };
export const boardRanking = { vi: 'Xếp hạng địa bàn', en: 'Ranking of areas' };
export const boardTable = { vi: 'Bảng theo địa bàn', en: 'Table by area' };
export const boardAlerts = { vi: 'Cảnh báo', en: 'Alerts' };
export const openAlerts = { vi: 'Cảnh báo đang mở', en: 'Open alerts' };
export const overviewTitle = { vi: 'Tổng quan trung tâm điều hành', en: 'Operations centre overview' };
export const domainStatus = { vi: 'Tình hình các lĩnh vực', en: 'Status by domain' };
export const openBoard = { vi: 'Mở bảng điều hành {name}', en: 'Open the {name} board' };
export const unknownDomain = {
  vi: 'Lĩnh vực không xác định: chọn economy, citizens, governance, mobility, environment hoặc living',
  en: 'Unknown domain: choose economy, citizens, governance, mobility, environment or living',
};
// Alert list
export const alerts = { vi: 'Cảnh báo', en: 'Alerts' };
export const alertCount = { vi: '{shown}/{total} cảnh báo', en: '{shown} of {total} alerts' };
export const justNow = { vi: 'vừa xong', en: 'just now' };
export const minutesAgo = { vi: '{n} phút trước', en: '{n} min ago' };
export const hoursAgo = { vi: '{n} giờ trước', en: '{n} h ago' };
export const dayAgo = { vi: '{n} ngày trước', en: '{n} day ago' };
export const daysAgo = { vi: '{n} ngày trước', en: '{n} days ago' };
export const repeats = { vi: '×{n} trong {span}', en: '×{n} in {span}' };
export const severityInformational = { vi: 'Thông tin', en: 'Informational' };
export const severityLow = { vi: 'Thấp', en: 'Low' };
export const severityMedium = { vi: 'Trung bình', en: 'Medium' };
export const severityHigh = { vi: 'Cao', en: 'High' };
export const severityCritical = { vi: 'Khẩn cấp', en: 'Critical' };
export const statusOpen = { vi: 'Mới', en: 'Open' };
export const statusAcknowledged = { vi: 'Đã tiếp nhận', en: 'Acknowledged' };
export const statusResolved = { vi: 'Đã xử lý', en: 'Resolved' };
export const acknowledge = { vi: 'Tiếp nhận', en: 'Acknowledge' };
export const resolve = { vi: 'Đã xử lý xong', en: 'Resolve' };
export const saving = { vi: 'Đang lưu…', en: 'Saving…' };
export const severityFilter = { vi: 'Lọc theo mức độ', en: 'Filter by severity' };
export const statusFilter = { vi: 'Lọc theo trạng thái', en: 'Filter by status' };
export const wholeProvince = { vi: 'Toàn tỉnh / chưa rõ địa bàn', en: 'Province-wide / area unknown' };
export const futureTime = { vi: 'thời gian ở tương lai', en: 'time in the future' };
export const skippedAlerts = { vi: 'Bỏ qua {n} cảnh báo lỗi', en: '{n} faulty alerts skipped' };
export const actionFailed = { vi: 'Không lưu được “{action}” cho {title}: {reason}. Đã hoàn tác.', en: 'Could not save “{action}” for {title}: {reason}. Undone.' };
export const actionDone = { vi: '{title}: {status}', en: '{title}: {status}' };
export const newCritical = { vi: 'Cảnh báo khẩn cấp mới: {title}, {area}', en: 'New critical alert: {title}, {area}' };
export const newCriticalMany = { vi: '{n} cảnh báo khẩn cấp mới, mới nhất: {title}, {area}', en: '{n} new critical alerts, newest: {title}, {area}' };
export const noAlertsFiltered = { vi: 'Không có cảnh báo nào khớp bộ lọc', en: 'No alerts match the filters' };
export const noAlerts = { vi: 'Không có cảnh báo', en: 'No alerts' };
export const alertListHelp = {
  vi: 'Phím mũi tên lên/xuống để đi qua các cảnh báo, Page Up/Page Down theo trang, Home/End tới đầu/cuối, Tab tới các nút của cảnh báo.',
  en: 'Up/down arrows move between alerts, Page Up/Page Down by page, Home/End to the first/last, Tab to the alert’s buttons.',
};
export const rejectedByHost = { vi: 'bị từ chối', en: 'refused' };
// KPI card: comparisons, stale badge, trend line
export const improved = { vi: 'cải thiện', en: 'improved' };
export const worsened = { vi: 'xấu đi', en: 'worsened' };
export const vsYear = { vi: 'so với cùng kỳ năm trước', en: 'vs same period last year' };
export const vsTarget = { vi: 'so với mục tiêu', en: 'vs target' };
export const staleBadge = { vi: 'cũ {age}', en: '{age} old' };
export const staleBadgeLabel = { vi: 'Dữ liệu đã cũ {age}', en: 'Data is {age} old' };
export const rising = { vi: 'Đang tăng', en: 'Rising' };
export const falling = { vi: 'Đang giảm', en: 'Falling' };
export const noClearTrend = { vi: 'Không có xu hướng rõ', en: 'No clear trend' };
export const trendSignificant = { vi: '{direction} · có ý nghĩa', en: '{direction} (significant)' };
export const trendOver = { vi: 'Xu hướng {n} kỳ gần nhất', en: 'Trend over the last {n} periods' };
// Insight
export const insightStatus = { vi: 'Hiện trạng', en: 'Status' };
export const insightTrend = { vi: 'Xu hướng', en: 'Trend' };
export const insightSignals = { vi: 'Tín hiệu', en: 'Signals' };
export const insightOf = { vi: '{name} · {area}', en: '{name} · {area}' };
export const againstNormal = { vi: 'So với thường lệ', en: 'Against normal' };
export const normalBelow = { vi: 'thấp hơn thường lệ', en: 'below normal' };
export const normalWithin = { vi: 'trong khoảng thường lệ', en: 'within the normal range' };
export const normalAbove = { vi: 'cao hơn thường lệ', en: 'above normal' };
export const normalSameTimeOfYear = { vi: 'cùng kỳ các năm trước', en: 'same time in earlier years' };
export const normalSameHourOfWeek = { vi: 'cùng giờ các tuần trước', en: 'same hour in earlier weeks' };
export const normalRecent = { vi: 'các kỳ gần đây', en: 'recent periods' };
export const normalRange = { vi: '{position}: {low} – {high} ({basis}), bách phân vị {p}', en: '{position}: {low} – {high} ({basis}), percentile {p}' };
export const targetMetGap = { vi: 'Đạt mục tiêu {target} (chênh {gap})', en: 'Meets the target of {target} (gap {gap})' };
export const targetMissedGap = { vi: 'Chưa đạt mục tiêu {target} (chênh {gap})', en: 'Misses the target of {target} (gap {gap})' };
export const direction = { vi: 'Hướng', en: 'Direction' };
export const significantP = { vi: 'có ý nghĩa thống kê (p = {p})', en: 'significant (p = {p})' };
export const notSignificantP = { vi: 'không có ý nghĩa thống kê (p = {p})', en: 'not significant (p = {p})' };
export const slope = { vi: 'Độ dốc', en: 'Slope' };
export const slopeValue = { vi: '{slope} mỗi {unit} (KTC 95 %: {low} đến {high})', en: '{slope} per {unit} (95 % CI {low} to {high})' };
export const changeOver = { vi: 'Thay đổi', en: 'Change' };
export const changeValue = { vi: '{change} trong {n} {unit}', en: '{change} over {n} {unit}' };
export const tooFewForTrend = { vi: 'Chưa đủ dữ liệu để xét xu hướng', en: 'Too little data for a trend' };
export const anomalies = { vi: 'Bất thường', en: 'Anomalies' };
export const anomalyLatest = { vi: '{n} giá trị bất thường, gần nhất {date}: {value} ({direction} hơn dự kiến {expected})', en: '{n} unusual values, latest {date}: {value} ({direction} than the expected {expected})' };
export const higher = { vi: 'cao', en: 'higher' };
export const lower = { vi: 'thấp', en: 'lower' };
export const changePoint = { vi: 'Đổi mức', en: 'Level shift' };
export const changePointValue = { vi: '{direction} từ {date}: {before} → {after}', en: '{direction} from {date}: {before} → {after}' };
export const shiftUp = { vi: 'Tăng', en: 'Up' };
export const shiftDown = { vi: 'Giảm', en: 'Down' };
export const thresholdRun = { vi: 'Vượt ngưỡng', en: 'Past the threshold' };
export const runOngoing = { vi: '{threshold}: {n} kỳ liên tiếp, đang tiếp diễn', en: '{threshold}: {n} periods in a row, ongoing' };
export const runsPast = { vi: '{n} đợt vượt ngưỡng, gần nhất kết thúc {date}', en: '{n} runs past the threshold, the latest ended {date}' };
export const forecastLabel = { vi: 'Dự báo', en: 'Forecast' };
export const forecastCross = { vi: '{direction} ngưỡng {threshold} trong {n} {unit} tới (khả năng {p} %)', en: '{direction} {threshold} within {n} {unit} ({p} % likely)' };
export const forecastUp = { vi: 'Vượt', en: 'Crosses up into' };
export const forecastDown = { vi: 'Xuống dưới', en: 'Falls below' };
export const forecastNone = { vi: 'Không dự báo vượt ngưỡng trong {n} {unit} tới', en: 'No crossing expected within {n} {unit}' };
export const noSignals = { vi: 'Không có tín hiệu', en: 'No signals' };
export const unitHour = { vi: 'giờ', en: 'hour' };
export const unitHours = { vi: 'giờ', en: 'hours' };
export const unitDay = { vi: 'ngày', en: 'day' };
export const unitDays = { vi: 'ngày', en: 'days' };
export const unitWeek = { vi: 'tuần', en: 'week' };
export const unitWeeks = { vi: 'tuần', en: 'weeks' };
export const unitMonth = { vi: 'tháng', en: 'month' };
export const unitMonths = { vi: 'tháng', en: 'months' };
export const unitQuarter = { vi: 'quý', en: 'quarter' };
export const unitQuarters = { vi: 'quý', en: 'quarters' };
export const unitYear = { vi: 'năm', en: 'year' };
export const unitYears = { vi: 'năm', en: 'years' };
export const cannotCompute = { vi: 'Không tính được nhận định từ dữ liệu này', en: 'Could not compute insights from this data' };
// Map (<ioc-map>)
export const mapNoDataClass = { vi: 'Không có dữ liệu', en: 'No data' };
export const mapBreadcrumb = { vi: 'Cấp địa bàn', en: 'Area levels' };
export const mapCountry = { vi: 'Việt Nam', en: 'Viet Nam' };
export const mapUnits = { vi: 'khu vực', en: 'areas' };
export const mapProvinces = { vi: 'tỉnh, thành phố', en: 'provinces' };
export const mapDistricts = { vi: 'quận, huyện', en: 'districts' };
export const mapCommunes = { vi: 'xã, phường', en: 'communes' };
export const mapBadOrWorse = { vi: '{n}/{total} {units} ở mức {band} hoặc xấu hơn', en: '{n} of {total} {units} are {band} or worse' };
export const mapWorstClass = { vi: '{n}/{total} {units} ở nhóm kém nhất ({band})', en: '{n} of {total} {units} are in the worst class ({band})' };
export const mapWorstIs = { vi: 'kém nhất là {name} ({value})', en: 'the worst is {name} ({value})' };
export const mapNoDataCount = { vi: '{n} chưa có dữ liệu', en: '{n} without data' };
export const mapOutline = { vi: 'Bản đồ {n} {units}', en: 'Map of {n} {units}' };
export const mapRank = { vi: 'hạng {rank}/{total}', en: 'rank {rank} of {total}' };
export const mapLegendToggle = { vi: 'Bấm một nhóm để tô sáng các khu vực của nhóm đó', en: 'Press a class to highlight its areas' };
export const mapSkipped = { vi: 'Bỏ qua {n} vùng có hình học lỗi ({what})', en: 'Skipped {n} areas with bad geometry ({what})' };
export const mapRepaired = { vi: 'Đã sửa hình học: {what}', en: 'Geometry repaired: {what}' };
export const mapNoShapes = { vi: 'Không vẽ được bản đồ: không có ranh giới dùng được ({what})', en: 'Cannot draw the map: no usable boundaries ({what})' };
export const mapBoundariesFailed = { vi: 'Không tải được ranh giới: {reason}', en: 'Could not load boundaries: {reason}' };
export const mapKeyboardHelp = {
  vi: 'Mũi tên: đi qua các khu vực theo hàng từ bắc xuống nam, tây sang đông. Enter: xem bên trong. Backspace hoặc Escape: lên một cấp. + và −: phóng to, thu nhỏ; Shift + mũi tên: di chuyển; 0: về toàn cảnh.',
  en: 'Arrow keys: move through the areas row by row, north to south, west to east. Enter: drill in. Backspace or Escape: up one level. + and −: zoom in and out; Shift + arrows: pan; 0: reset the view.',
};
export const mapZoomIn = { vi: 'Phóng to', en: 'Zoom in' };
export const mapZoomOut = { vi: 'Thu nhỏ', en: 'Zoom out' };
export const mapZoomReset = { vi: 'Toàn cảnh', en: 'Reset view' };
export const mapPlay = { vi: 'Phát', en: 'Play' };
export const mapPause = { vi: 'Dừng', en: 'Pause' };
export const mapStepBack = { vi: 'Kỳ trước', en: 'Previous period' };
export const mapStepForward = { vi: 'Kỳ sau', en: 'Next period' };
export const mapPeriod = { vi: 'Kỳ dữ liệu', en: 'Period' };
export const mapProblemEmpty = { vi: 'vùng rỗng', en: 'empty features' };
export const mapProblemNotArea = { vi: 'không phải vùng', en: 'not polygons' };
export const mapProblemCoordinates = { vi: 'tọa độ lỗi', en: 'bad coordinates' };
export const mapProblemUnclosed = { vi: 'vòng chưa khép kín', en: 'unclosed rings' };
export const mapProblemShort = { vi: 'vòng quá ít điểm', en: 'rings with too few points' };
export const mapHoangSa = { vi: 'Quần đảo Hoàng Sa', en: 'Hoàng Sa archipelago' };
export const mapTruongSa = { vi: 'Quần đảo Trường Sa', en: 'Trường Sa archipelago' };
// Map point layers and tile grid (<ioc-map>)
export const mapPointsCount = { vi: '{n} điểm', en: '{n} points' };
export const mapClusterWorst = { vi: 'mức cao nhất: {severity}', en: 'highest severity: {severity}' };
export const mapClusterZoom = { vi: 'Enter hoặc bấm: phóng to để tách', en: 'Enter or click: zoom in to split' };
export const mapPointsSkipped = { vi: 'Bỏ qua {n} điểm không có tọa độ hợp lệ', en: 'Skipped {n} points without valid coordinates' };
export const mapPointsLayer = { vi: 'Lớp điểm: {n} điểm, {m} dấu trên bản đồ. Phím M: chuyển giữa các điểm và các khu vực', en: 'Point layer: {n} points, {m} markers on the map. M key: switch between points and areas' };
export const mapPointsHelp = { vi: ' M: chuyển giữa các điểm (trạm, sự cố, cảnh báo) và các khu vực; Enter trên một cụm: phóng to.', en: ' M: switch between the points (stations, incidents, alerts) and the areas; Enter on a cluster: zoom in.' };
export const mapTilesNote = { vi: 'Lưới ô: mỗi khu vực một ô bằng nhau, đặt gần vị trí thật', en: 'Tile grid: every area an equal square, placed near where it lies' };
// Time series signals (<ioc-time-series insights="…">)
export const tsAnomaly = { vi: 'bất thường: {direction} dự kiến {amount}', en: 'anomaly: {amount} {direction} expected' };
export const tsAbove = { vi: 'cao hơn', en: 'above' };
export const tsBelow = { vi: 'thấp hơn', en: 'below' };
export const tsLevelShift = { vi: 'thay đổi mức', en: 'level shift' };
export const tsLevelShifts = { vi: 'Thay đổi mức', en: 'Level shifts' };
export const tsAnomalies = { vi: 'Giá trị bất thường', en: 'Anomalies' };
export const tsForecast = { vi: 'Dự báo (khoảng {p} %)', en: 'Forecast ({p} % interval)' };
export const tsForecastUp = { vi: 'dự báo vượt ngưỡng {band} trong {n} {unit} tới', en: 'forecast to reach {band} within the next {n} {unit}' };
export const tsForecastDown = { vi: 'dự báo giảm xuống mức {band} trong {n} {unit} tới', en: 'forecast to fall to {band} within the next {n} {unit}' };
export const tsForecastTarget = { vi: 'dự báo vượt mục tiêu {target} trong {n} {unit} tới', en: 'forecast to pass the target of {target} within the next {n} {unit}' };
export const tsSignal = { vi: 'Tín hiệu', en: 'Signal' };
export const tsForecastRow = { vi: 'dự báo {mean} ({low}–{high})', en: 'forecast {mean} ({low}–{high})' };
