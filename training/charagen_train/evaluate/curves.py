"""Quality against CPU time, drawn with Pillow (no plotting library needed): one panel per figure
(held-out IoU, share of pixels within dE 10), one line per method."""

from typing import Dict, List, Sequence, Tuple

from PIL import Image, ImageDraw

COLOURS = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189), (255, 127, 14)]
PANEL = (420, 300)
MARGIN = (52, 28, 16, 40)  # left, top, right, bottom


def plot(series: Dict[str, List[Tuple[float, float, float]]], titles: Sequence[str] = ("figure mask IoU (median)",
                                                                                       "pixels within dE 10 (median)")):
    """series: label -> [(cpu_hours, iou, de10), ...] -> a PIL image."""
    width = PANEL[0] * len(titles)
    image = Image.new("RGB", (width, PANEL[1] + 22 * len(series) + 8), "white")
    draw = ImageDraw.Draw(image)
    x_max = max((p[0] for points in series.values() for p in points), default=1.0) * 1.05 or 1.0
    for panel, title in enumerate(titles):
        ox = panel * PANEL[0]
        left, top = ox + MARGIN[0], MARGIN[1]
        right, bottom = ox + PANEL[0] - MARGIN[2], PANEL[1] - MARGIN[3]
        draw.rectangle([left, top, right, bottom], outline="black")
        draw.text((left, 8), title, fill="black")
        for tick in range(6):
            y = bottom - (bottom - top) * tick / 5
            draw.line([left - 4, y, left, y], fill="black")
            draw.text((ox + 8, y - 6), f"{tick / 5:.1f}", fill="black")
        for tick in range(5):
            value = x_max * tick / 4
            x = left + (right - left) * tick / 4
            draw.line([x, bottom, x, bottom + 4], fill="black")
            draw.text((x - 10, bottom + 8), f"{value:.2f}", fill="black")
        draw.text((left + (right - left) // 2 - 30, bottom + 22), "CPU-hours", fill="black")
        for index, (label, points) in enumerate(series.items()):
            colour = COLOURS[index % len(COLOURS)]
            xy = [(left + (right - left) * p[0] / x_max, bottom - (bottom - top) * min(max(p[1 + panel], 0), 1))
                  for p in sorted(points)]
            if len(xy) > 1:
                draw.line(xy, fill=colour, width=2)
            for x, y in xy:
                draw.ellipse([x - 2, y - 2, x + 2, y + 2], fill=colour)
    for index, label in enumerate(series):
        y = PANEL[1] + 4 + 22 * index
        draw.rectangle([MARGIN[0], y + 4, MARGIN[0] + 24, y + 8], fill=COLOURS[index % len(COLOURS)])
        draw.text((MARGIN[0] + 32, y), label, fill="black")
    return image
