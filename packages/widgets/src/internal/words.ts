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
