"""The sprite model's training canvas: where each walk frame sits and what frame RPG Maker cuts.

The canvas is 256 x 256 RGB: 4 rows (directions, RPG Maker order: down, left, right, up) x
4 columns of 64 x 64 cells, one LPC walk frame per cell at its native pixel size. Columns 0, 1
and 2 are RPG Maker's animation patterns 0, 1, 2 (pattern 1, the middle column, is the LPC
standing frame); column 3 is one extra walk frame for smoother libGDX animation. Inside every
cell the same 48 x 48 window is the RPG Maker MV frame: cutting that window out of the 12
cells of columns 0..2 gives a `$Name.png` character (144 x 192) without any resampling.

The numbers here were chosen from measurements of the LPC layers (see lpc_catalogue.py and
the data set's README section):

* The human LPC body spans rows 15..61 of its 64 x 64 frame in the standing frames (x 16..47),
  so the window sits at x 8 (centred: 8 + 48 + 8 = 64) and y 14 (its last row is 61, the
  lowest standing foot row). Hair and headgear must then stay at y >= 14 in every used frame;
  layers that do not are left out of the data set rather than clipped.
* The front and back views of the LPC walk cycle put their strides two frames later than the
  side views: front/back strides are LPC columns 3 and 7 (columns 1 and 5 have both feet
  level), side strides are columns 1 and 5 (columns 3 and 7 are the passing poses). So the
  LPC column behind a pattern depends on the direction.
* In the front/back stride frames LPC drops the whole figure 1 px (and, for the female back
  view, the stepping foot 1 px further), so the lowest foot row there is 62 or 63. Those
  frames are lifted by the fewest rows that put the lowest body pixel on the window's last
  row (1 or 2 px; the lift is measured from the body layer per sex, see `cell_lift`). Standing
  frames are never moved, so column 1 is LPC column 0 pixel for pixel.
"""
from __future__ import annotations

import copy
from typing import Dict, List, Tuple

CELL = 64
GRID_ROWS = 4
GRID_COLUMNS = 4
CANVAS = CELL * GRID_ROWS  # 256

#: Canvas rows, top to bottom (RPG Maker's direction order).
DIRECTIONS: Tuple[str, ...] = ("down", "left", "right", "up")

#: Row of the LPC sheet that holds each direction's walk cycle (9 frames, column 0 stands).
LPC_WALK_ROW: Dict[str, int] = {"up": 8, "left": 9, "down": 10, "right": 11}
LPC_WALK_COLUMNS = 9
LPC_FRAME = 64

#: The RPG Maker MV frame inside every 64 x 64 cell: x, y of its top-left pixel, size 48 x 48.
FRAME_WINDOW: Tuple[int, int, int, int] = (8, 14, 48, 48)
RPG_MAKER_FRAME: Tuple[int, int] = (48, 48)

#: Flat background behind the figures (the colour the Java clean-up keys out): the 8-bit RGB
#: colour farthest from every colour of the accepted LPC layers in the frames the canvas uses
#: (699 distinct colours), found with
#: lpc_catalogue.farthest_colour(layer_colours(root, catalogue.layers)).
BACKGROUND: Tuple[int, int, int] = (0, 255, 121)
#: Euclidean RGB distance from BACKGROUND to the nearest of those colours ((3, 188, 27), from
#: the green hair). For comparison, the nearest LPC colour to magenta (255, 0, 255) is 109
#: away, to pure green (0, 255, 0) 15, to pure blue (0, 0, 255) 6.
BACKGROUND_NEAREST_LPC: float = 115.5

_FRONT = {"pattern0": 3, "pattern1": 0, "pattern2": 7, "extra": 5}
_SIDE = {"pattern0": 1, "pattern1": 0, "pattern2": 5, "extra": 3}

#: Canvas column -> (RPG Maker pattern or None, LPC walk column per direction).
COLUMNS: Tuple[Tuple[object, Dict[str, int]], ...] = tuple(
    (pattern, {d: (_SIDE if d in ("left", "right") else _FRONT)[key] for d in DIRECTIONS})
    for pattern, key in ((0, "pattern0"), (1, "pattern1"), (2, "pattern2"), (None, "extra"))
)

_LAYOUT = {
    "version": 1,
    "canvas": [CANVAS, CANVAS],
    "cell": [CELL, CELL],
    "rows": list(DIRECTIONS),
    "columns": [
        {"pattern": pattern, "lpc_column": dict(lpc)} for pattern, lpc in COLUMNS
    ],
    "lpc_walk_row": dict(LPC_WALK_ROW),
    "frame_window": {"x": FRAME_WINDOW[0], "y": FRAME_WINDOW[1],
                     "width": FRAME_WINDOW[2], "height": FRAME_WINDOW[3]},
    "rpg_maker_frame": list(RPG_MAKER_FRAME),
    "background": list(BACKGROUND),
    "lift": ("frames whose body reaches below the frame window's last row are moved up by "
             "that many rows (0-2, the LPC walk bob); standing frames are never moved"),
    "libgdx_cycle": [0, 3, 2, 1],
    "alpha": "binary: figure pixels are opaque, everything else is exactly the background",
}


def sheet_layout() -> dict:
    """The layout of a sprite training canvas as a JSON-able dict (it goes into the model card).

    Fields:
      version: layout format version (1).
      canvas: [width, height] of the whole training image in pixels (256, 256).
      cell: [width, height] of one cell (64, 64); cell (row r, column c) has its top-left
        pixel at (c * 64, r * 64).
      rows: the direction shown by each canvas row, top to bottom: RPG Maker's order
        down, left, right, up (a `$` character sheet has the same rows).
      columns: one entry per canvas column, left to right: `pattern` is the RPG Maker
        animation pattern (0, 1, 2; 1 = standing) or null for the extra libGDX-only frame;
        `lpc_column` maps each direction to the column of the LPC walk row the frame comes
        from (LPC column 0 is the standing pose).
      lpc_walk_row: the LPC sheet row of each direction's walk cycle (provenance).
      frame_window: x, y, width, height of the RPG Maker frame inside every cell; the same
        for all 16 cells. Every figure lies inside it; cutting it out of columns 0..2 gives
        the 3 x 4 frames of an MV character without resampling.
      rpg_maker_frame: [width, height] of an MV frame (48, 48).
      background: [r, g, b] of the flat background; every pixel that is not the figure is
        exactly this colour (it is what the Java clean-up keys out to transparency).
      lift: how frames were registered vertically (see module docstring).
      libgdx_cycle: canvas columns in the order of a smooth 4-frame walk loop
        (stride, passing, other stride, standing-as-passing); RPG Maker plays 0, 1, 2, 1.
      alpha: how transparency was made binary.
    """
    return copy.deepcopy(_LAYOUT)


def cell_origin(row: int, column: int) -> Tuple[int, int]:
    """(x, y) of the top-left pixel of canvas cell (row, column)."""
    if not (0 <= row < GRID_ROWS and 0 <= column < GRID_COLUMNS):
        raise ValueError(f"cell ({row}, {column}) is outside the {GRID_ROWS} x {GRID_COLUMNS} grid")
    return column * CELL, row * CELL


def window_box(row: int, column: int) -> Tuple[int, int, int, int]:
    """(x0, y0, x1, y1), exclusive end, of the RPG Maker frame window in canvas cell (row, column)."""
    x, y = cell_origin(row, column)
    wx, wy, ww, wh = FRAME_WINDOW
    return x + wx, y + wy, x + wx + ww, y + wy + wh


def used_frames() -> List[Tuple[int, int, str, int, int]]:
    """Every canvas cell with its source: (row, column, direction, lpc_row, lpc_column)."""
    out = []
    for r, direction in enumerate(DIRECTIONS):
        for c, (_pattern, lpc) in enumerate(COLUMNS):
            out.append((r, c, direction, LPC_WALK_ROW[direction], lpc[direction]))
    return out


def cell_lift(body_bottom_row: int) -> int:
    """Rows a frame is moved up so that a body whose lowest pixel is at `body_bottom_row`
    (0..63 within its 64 x 64 frame) ends on the window's last row; 0 when it already fits."""
    last = FRAME_WINDOW[1] + FRAME_WINDOW[3] - 1
    return max(0, body_bottom_row - last)
