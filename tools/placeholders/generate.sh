#!/usr/bin/env bash
#
# Generates the placeholder illustrations for the seed article, plus the site
# logo and favicon. Everything is drawn from simple vector primitives with
# ImageMagick 6; nothing is downloaded. Output is deterministic (metadata
# stripped), so re-running the script reproduces the committed files.
#
# Usage: tools/placeholders/generate.sh      (from anywhere inside the repo)
# Needs: ImageMagick 6 at /usr/bin/convert (override with CONVERT=...),
#        DejaVu Sans fonts (override with FONT=... / FONT_BOLD=...).
#
set -euo pipefail

CONVERT="${CONVERT:-/usr/bin/convert}"
FONT="${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}"
FONT_BOLD="${FONT_BOLD:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATIC="$ROOT/src/main/resources/static"
OUT="$STATIC/images/seed"
mkdir -p "$OUT"

for f in "$FONT" "$FONT_BOLD"; do
  [[ -r "$f" ]] || { echo "font not found: $f" >&2; exit 1; }
done
"$CONVERT" -version | grep -q 'ImageMagick 6' || { echo "$CONVERT is not ImageMagick 6" >&2; exit 1; }

W=1280
H=720

# --------------------------------------------------------------------------
# Reusable shapes (MVG snippets). Each is drawn in local coordinates and
# placed with translate/scale inside its own graphic context.
# --------------------------------------------------------------------------

# bomber X Y SCALE [BODY] [DARK] [WING]
# Side view of a large eight-engine bomber facing left; nose at local x=0,
# wheels resting on local y=0, about 1000 units long and 270 units tall.
bomber() {
  local x=$1 y=$2 s=$3 body=${4:-#5d6771} dark=${5:-#474f58} wing=${6:-#6b747e}
  cat <<MVG
push graphic-context
translate $x,$y
scale $s,$s
stroke none
fill rgba(0,0,0,0.16)
ellipse 500,0 470,9 0,360
fill $dark
rectangle 213,-44 221,-16
rectangle 643,-44 651,-16
fill #2b2f33
circle 201,-12 201,0
circle 233,-12 233,0
circle 631,-12 631,0
circle 663,-12 663,0
fill $body
polygon 820,-100 910,-270 975,-270 990,-94
polygon 0,-60 5,-72 18,-84 40,-94 70,-100 95,-108 125,-114 160,-114 185,-108 210,-100 840,-100 1000,-92 1005,-80 960,-62 880,-44 60,-40 20,-44 6,-50
fill $dark
polygon 880,-98 1015,-96 1015,-88 885,-90
polygon 958,-262 975,-270 990,-94 972,-94
fill #2f3a44
polygon 100,-106 125,-111 155,-111 155,-104 102,-102
fill $wing
polygon 370,-104 420,-110 640,-110 700,-104 700,-99 370,-99
fill $dark
polygon 350,-104 372,-104 382,-80 360,-80
polygon 520,-104 540,-104 550,-80 528,-80
roundrectangle 300,-82 410,-56 12,12
roundrectangle 470,-82 570,-58 12,12
fill #2b2f33
ellipse 304,-69 5,11 0,360
ellipse 474,-70 5,10 0,360
pop graphic-context
MVG
}

# person X Y SCALE JACKET TROUSERS [HAIR]
# A standing figure, feet at local y=0, 100 units tall.
person() {
  local x=$1 y=$2 s=$3 jacket=$4 trousers=$5 hair=${6:-#3b3632}
  cat <<MVG
push graphic-context
translate $x,$y
scale $s,$s
stroke none
fill rgba(0,0,0,0.14)
ellipse 0,0 18,3 0,360
fill $trousers
rectangle -11,-43 -2,-2
rectangle 2,-43 11,-2
fill #2b2f33
roundrectangle -13,-4 -1,0 2,2
roundrectangle 1,-4 13,0 2,2
fill $jacket
roundrectangle -17,-76 17,-38 7,7
fill #eceae4
polygon -5,-76 5,-76 0,-67
fill #c3ab93
roundrectangle -3,-80 3,-74 1,1
circle 0,-88 0,-78
fill $hair
ellipse 0,-90 10,7 180,360
pop graphic-context
MVG
}

# seated X Y SCALE JACKET [HAIR]  (head and shoulders, table hides the rest)
seated() {
  local x=$1 y=$2 s=$3 jacket=$4 hair=${5:-#3b3632}
  cat <<MVG
push graphic-context
translate $x,$y
scale $s,$s
stroke none
fill $jacket
roundrectangle -26,-62 26,10 12,12
fill #eceae4
polygon -7,-62 7,-62 0,-48
fill #c3ab93
roundrectangle -4,-68 4,-60 2,2
circle 0,-80 0,-67
fill $hair
ellipse 0,-83 13,9 180,360
pop graphic-context
MVG
}

# flag X Y COLOUR_A COLOUR_B  (desk stand; two-tone rectangle, no real flag)
flag() {
  local x=$1 y=$2 a=$3 b=$4
  cat <<MVG
push graphic-context
stroke none
fill #6e6a64
ellipse $x,$y 9,3 0,360
rectangle $((x - 1)),$((y - 78)) $((x + 1)),$y
fill $a
rectangle $((x + 2)),$((y - 76)) $((x + 46)),$((y - 61))
fill $b
rectangle $((x + 2)),$((y - 61)) $((x + 46)),$((y - 46))
pop graphic-context
MVG
}

cloud() {
  local x=$1 y=$2 w=$3
  cat <<MVG
push graphic-context
stroke none
fill rgba(255,255,255,0.55)
roundrectangle $((x - w / 2)),$((y - 14)) $((x + w / 2)),$((y + 14)) 14,14
roundrectangle $((x - w / 4)),$((y - 30)) $((x + w / 5)),$((y + 4)) 17,17
pop graphic-context
MVG
}

# render N OUTPUT SKY_TOP SKY_BOTTOM MVG
# Paints a vertical gradient, draws the MVG and stamps the caption in the
# bottom-right corner.
render() {
  local n=$1 out=$2 top=$3 bottom=$4 mvg=$5
  "$CONVERT" -size "${W}x${H}" "gradient:${top}-${bottom}" \
    -draw "$mvg" \
    \( +size -background 'rgba(255,255,255,0.82)' -fill '#33383d' -font "$FONT" -pointsize 17 \
       label:"ILLUSTRATION — PLACEHOLDER ${n}/6" \
       -bordercolor 'rgba(255,255,255,0.82)' -border 10x6 \) \
    -gravity SouthEast -geometry +18+16 -composite \
    -strip -colorspace sRGB -type TrueColor -sampling-factor 4:2:0 -interlace JPEG -quality 80 \
    "$out"
}

# --------------------------------------------------------------------------
# 1) Bomber on a runway under a pale sky
# --------------------------------------------------------------------------
img1="$(cloud 260 150 220)
$(cloud 930 110 260)
$(cloud 1120 230 160)
stroke none
fill #b4bfbd
polygon 0,470 120,448 260,458 420,440 600,455 760,438 930,452 1100,436 1280,450 1280,480 0,480
fill #b9c0a9
rectangle 0,470 1280,720
fill #a2a7a8
polygon 0,548 1280,548 1280,706 0,706
fill #8d9294
rectangle 0,548 1280,553
rectangle 0,701 1280,706
fill #e4e4dc
$(for i in $(seq 0 7); do echo "rectangle $((20 + i * 170)),640 $((110 + i * 170)),646"; done)
$(bomber 150 636 0.98)"
render 1 "$OUT/edd-1.jpg" '#d7e1e8' '#eef1f1' "$img1"

# --------------------------------------------------------------------------
# 2) Small group of people standing in front of a bomber's nose
# --------------------------------------------------------------------------
img2="stroke none
fill #b7bfbc
polygon 0,455 200,445 420,452 640,440 900,450 1280,442 1280,470 0,470
fill #bfc2c1
rectangle 0,462 1280,720
fill #b3b6b5
rectangle 0,600 1280,720
fill #d6c98e
rectangle 0,686 1280,692
$(bomber 250 585 2.45)
$(person 160 668 1.75 '#3f4a5a' '#2f3540')
$(person 232 676 1.80 '#5b6470' '#373c44' '#5a4b3e')
$(person 304 664 1.68 '#6d6f5c' '#3b3d33')
$(person 376 680 1.85 '#2f3a48' '#272d36' '#8a8580')
$(person 448 668 1.74 '#7a6e63' '#3e3a35')
$(person 520 676 1.80 '#46505e' '#2f353e' '#4b403a')
$(person 592 664 1.66 '#5e6b63' '#343b36')
$(person 664 678 1.82 '#3c4652' '#292f38')"
render 2 "$OUT/edd-2.jpg" '#d5dee5' '#ecefef' "$img2"

# --------------------------------------------------------------------------
# 3) Hangar with an aircraft inside
# --------------------------------------------------------------------------
img3="stroke none
$(cloud 1090 110 200)
fill #b6bfbb
rectangle 0,560 1280,600
fill #a9acab
rectangle 0,600 1280,720
fill #8f9597
ellipse 640,260 520,140 180,360
fill #a8b0b4
rectangle 120,260 1160,612
fill #9aa2a6
$(for i in $(seq 0 12); do echo "rectangle $((128 + i * 80)),270 $((130 + i * 80)),610"; done)
fill #3d454c
rectangle 230,330 1050,612
fill #4a535a
polygon 230,560 1050,560 1050,612 230,612
fill #e9e4c8
$(for i in $(seq 0 5); do echo "rectangle $((300 + i * 135)),340 $((350 + i * 135)),346"; done)
fill #b4bbbf
rectangle 160,330 230,612
rectangle 1050,330 1120,612
fill #9ea5aa
rectangle 192,330 196,612
rectangle 1084,330 1088,612
$(bomber 290 600 0.74 '#8c959e' '#6f7881' '#98a1a9')
fill #d6c98e
polygon 630,612 650,612 700,720 660,720
fill #8d9294
rectangle 0,612 1280,616"
render 3 "$OUT/edd-3.jpg" '#d5dee5' '#eef1f1' "$img3"

# --------------------------------------------------------------------------
# 4) Briefing table, row of people, small desk flags
# --------------------------------------------------------------------------
img4="stroke none
fill #cfcbc3
rectangle 0,0 1280,520
fill #c2bdb4
rectangle 0,380 1280,520
fill #b3ada3
rectangle 0,378 1280,382
fill #3f4a55
roundrectangle 410,60 870,300 6,6
fill #56626e
rectangle 430,80 850,280
fill #8fa0ad
rectangle 470,200 510,260
rectangle 540,170 580,260
rectangle 610,140 650,260
rectangle 680,185 720,260
rectangle 750,120 790,260
fill #c7d0d6
rectangle 450,110 700,116
rectangle 450,126 620,130
fill #8a8c8c
rectangle 0,520 1280,720
$(seated 190 470 1.55 '#353f4c')
$(seated 370 470 1.55 '#5a5f66' '#6b625a')
$(seated 550 470 1.55 '#2f3945')
$(seated 730 470 1.55 '#4b5560' '#8b8782')
$(seated 910 470 1.55 '#3a3f47')
$(seated 1090 470 1.55 '#56606a' '#4a3f38')
fill #5d6877
polygon 90,470 1190,470 1230,510 50,510
fill #4a5462
rectangle 50,510 1230,650
fill #434c59
rectangle 50,646 1230,654
$(flag 272 492 '#b97a72' '#ece7dd')
$(flag 452 492 '#6f86a3' '#ece7dd')
$(flag 812 492 '#b97a72' '#ece7dd')
$(flag 992 492 '#6f86a3' '#ece7dd')
fill #f1efe9
$(for px in 190 370 550 730 910 1090; do echo "polygon $((px - 40)),500 $((px + 40)),500 $((px + 36)),482 $((px - 36)),482"; done)
fill #d9d5cc
$(for px in 190 370 550 730 910 1090; do echo "rectangle $((px - 26)),488 $((px + 26)),492"; done)"
render 4 "$OUT/edd-4.jpg" '#cfcbc3' '#cfcbc3' "$img4"

# --------------------------------------------------------------------------
# 5) Bomber tail and wing close-up against the sky
# --------------------------------------------------------------------------
img5="$(cloud 230 120 260)
$(cloud 560 250 200)
$(cloud 1150 360 150)
stroke none
fill #5d6771
polygon 520,572 860,70 1085,70 1185,572
fill #535d67
polygon 1000,70 1085,70 1185,572 1110,572
fill none
stroke #4e5761
stroke-width 3
line 1000,70 1110,572
line 700,310 1130,310
stroke-width 2
line 620,450 1160,450
stroke none
fill #656f79
polygon 0,560 1110,560 1270,610 1270,650 1110,700 0,720
fill #4b545d
polygon 780,600 1280,592 1280,624 800,628
fill #6b747e
polygon 0,300 430,470 470,560 380,560 0,390
fill #575f69
polygon 120,374 150,380 170,452 140,452
polygon 300,438 330,446 345,508 315,508
fill #474f58
roundrectangle 40,450 240,505 24,24
roundrectangle 230,505 420,556 22,22
fill #2b2f33
ellipse 44,478 8,24 0,360
ellipse 234,530 8,22 0,360
fill #c8d0d4
rectangle 0,712 1280,720"
render 5 "$OUT/edd-5.jpg" '#b9c8d3' '#e6ecee' "$img5"

# --------------------------------------------------------------------------
# 6) Airfield overview with control tower
# --------------------------------------------------------------------------
img6="$(cloud 560 90 220)
$(cloud 1000 150 180)
stroke none
fill #b4bfbd
polygon 0,300 150,286 330,294 520,280 700,292 900,282 1080,290 1280,280 1280,310 0,310
fill #9aa3a6
ellipse 880,300 60,24 180,360
ellipse 1010,300 60,24 180,360
fill #a7afb2
rectangle 820,300 940,306
rectangle 950,300 1070,306
fill #adb59f
rectangle 0,304 1280,720
fill #9ea3a5
polygon 0,372 1280,372 1280,418 0,424
fill #e4e4dc
$(for i in $(seq 0 10); do echo "rectangle $((30 + i * 120)),395 $((90 + i * 120)),399"; done)
fill #a9adae
polygon 0,456 1280,448 1280,472 0,480
polygon 360,424 390,424 400,456 370,456
polygon 900,420 930,420 940,452 910,452
fill #babdbd
polygon 0,520 1280,510 1280,720 0,720
fill #d6c98e
polygon 0,600 1280,592 1280,596 0,604
$(bomber 430 590 0.30)
$(bomber 780 586 0.30)
$(bomber 1090 450 0.12)
fill #9a9fa1
rectangle 40,440 330,560
fill #8a9093
rectangle 40,440 330,448
fill #6d7a86
$(for i in $(seq 0 5); do echo "rectangle $((58 + i * 45)),470 $((84 + i * 45)),492"; done)
$(for i in $(seq 0 5); do echo "rectangle $((58 + i * 45)),510 $((84 + i * 45)),532"; done)
fill #a3a8aa
rectangle 150,190 220,440
fill #959a9d
rectangle 150,190 160,440
fill #5f6870
polygon 112,186 258,186 268,204 102,204
fill #7f98a8
polygon 104,150 266,150 258,186 112,186
fill #6b8292
$(for xx in 140 175 210 245; do echo "rectangle $xx,150 $((xx + 3)),186"; done)
fill #5f6870
polygon 98,136 272,136 266,150 104,150
rectangle 182,112 186,136"
render 6 "$OUT/edd-6.jpg" '#d3dde4' '#eef1f1' "$img6"

# --------------------------------------------------------------------------
# Publisher logo (600x60) and favicon (32x32)
# --------------------------------------------------------------------------
"$CONVERT" -size 600x60 xc:white \
  -font "$FONT_BOLD" -pointsize 40 -fill '#1f2328' -gravity West -annotate +12+0 'Shimbun' \
  -strip -depth 8 -define png:exclude-chunks=date,time -define png:color-type=2 \
  "$STATIC/images/logo.png"

"$CONVERT" -size 32x32 xc:'#1f2328' \
  -font "$FONT_BOLD" -pointsize 26 -fill white -gravity Center -annotate +0+1 'S' \
  -strip -define icon:auto-resize=32 \
  "$STATIC/favicon.ico"

echo "Wrote:"
ls -l "$OUT"/edd-*.jpg "$STATIC/images/logo.png" "$STATIC/favicon.ico"
