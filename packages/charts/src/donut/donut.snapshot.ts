// The SVG drawn for the fixed data in the test beside this file. When a change to the drawing is
// intended, replace this with the "new snapshot" the failing test prints.
export const DONUT_SNAPSHOT = [
  "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ioc-donut\" aria-hidden=\"true\" width=\"300\" height=\"220\" viewBox=\"0 0 300 220\">",
  "<g class=\"slices\" transform=\"translate(150,110)\">",
  "<path d=\"M1.166,-105.953A2,2,0,0,1,3.226,-107.952A108,108,0,1,1,-18.634,106.38A2,2,0,0,1,-20.248,104.007L-12.329,65.586A2,2,0,0,1,-10.059,64.014A64.8,64.8,0,1,0,3.071,-64.727A2,2,0,0,1,1.166,-66.725Z\" fill=\"#101010\" stroke=\"#ffffff\" stroke-width=\"1\" data-key=\"25111\"/>",
  "<path d=\"M-22.532,103.536A2,2,0,0,1,-24.953,105.078A108,108,0,0,1,-88.976,-61.215A2,2,0,0,1,-86.146,-61.695L-54.507,-38.505A2,2,0,0,1,-54.022,-35.787A64.8,64.8,0,0,0,-16.076,62.774A2,2,0,0,1,-14.613,65.116Z\" fill=\"#202020\" stroke=\"#ffffff\" stroke-width=\"1\" data-key=\"25112\"/>",
  "<path d=\"M-84.767,-63.576A2,2,0,0,1,-85.162,-66.419A108,108,0,0,1,-19.614,-106.204A2,2,0,0,1,-17.274,-104.542L-11.305,-65.771A2,2,0,0,1,-12.884,-63.506A64.8,64.8,0,0,0,-50.39,-40.741A2,2,0,0,1,-53.128,-40.386Z\" fill=\"#303030\" stroke=\"#ffffff\" stroke-width=\"1\" data-key=\"25113\"/>",
  "<path d=\"M-14.969,-104.896A2,2,0,0,1,-13.237,-107.186A108,108,0,0,1,-3.226,-107.952A2,2,0,0,1,-1.166,-105.953L-1.166,-66.725A2,2,0,0,1,-3.071,-64.727A64.8,64.8,0,0,0,-6.813,-64.441A2,2,0,0,1,-9,-66.125Z\" fill=\"#555555\" stroke=\"#ffffff\" stroke-width=\"1\" data-key=\"__other__\"/>",
  "</g>",
  "<g class=\"centre\" text-anchor=\"middle\">",
  "<text class=\"total\" x=\"150\" y=\"110\" dy=\"0\" fill=\"#000000\" font-size=\"29.5\" font-weight=\"bold\">971,4</text>",
  "<text class=\"unit\" x=\"150\" y=\"125\" fill=\"#555555\" font-size=\"11\">tỷ đồng</text>",
  "<text class=\"caption\" x=\"150\" y=\"83.5\" fill=\"#555555\" font-size=\"11\">Tổng</text>",
  "</g>",
  "</svg>",
].join('\n');
