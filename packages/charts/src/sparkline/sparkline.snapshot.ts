// The SVG drawn for the fixed data in the test beside this file. When a change to the drawing is
// intended, replace this with the "new snapshot" the failing test prints.
export const SPARKLINE_SNAPSHOT = [
  "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ioc-sparkline\" aria-hidden=\"true\" width=\"120\" height=\"32\" viewBox=\"0 0 120 32\">",
  "<path class=\"area\" d=\"M3.5,28.5L13.8,25.7L24,24.5L34.3,18.3L44.6,12L54.9,16.6L54.9,28.5L3.5,28.5ZM75.4,15.4L85.7,3.5L96,5.8L106.2,17.3L116.5,20.4L116.5,28.5L75.4,28.5Z\" fill=\"#101010\" fill-opacity=\"0.15\"/>",
  "<path class=\"line\" d=\"M3.5,28.5L13.8,25.7L24,24.5L34.3,18.3L44.6,12L54.9,16.6M75.4,15.4L85.7,3.5L96,5.8L106.2,17.3L116.5,20.4\" fill=\"none\" stroke=\"#101010\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
  "<circle class=\"min\" cx=\"3.5\" cy=\"28.5\" r=\"2.5\" fill=\"#555555\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
  "<circle class=\"max\" cx=\"85.7\" cy=\"3.5\" r=\"2.5\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
  "<circle class=\"last\" cx=\"116.5\" cy=\"20.4\" r=\"2.5\" fill=\"#101010\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
  "</svg>",
].join('\n');
