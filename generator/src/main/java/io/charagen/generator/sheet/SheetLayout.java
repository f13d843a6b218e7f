package io.charagen.generator.sheet;

import com.google.gson.JsonObject;
import io.charagen.generator.checkpoint.ModelCard;
import io.charagen.generator.checkpoint.ModelKind;

import java.awt.Rectangle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a sprite network puts each walk frame on its canvas: a grid of equal cells, one
 * direction per canvas row, one RPG Maker animation pattern (or the extra passing frame) per
 * canvas column, and the same frame window inside every cell. Coordinates are pixels of the
 * network's output image, x to the right and y down.
 */
public final class SheetLayout {

    private final int canvasWidth;
    private final int canvasHeight;
    private final int cellWidth;
    private final int cellHeight;
    private final Map<Direction, Integer> rowOf;
    private final int[] patternColumns;
    private final int extraColumn;
    private final Rectangle window;
    private final Integer background;

    /**
     * @param rows           the direction of each canvas row, top to bottom; all four, once each
     * @param patternColumns the canvas column of RPG Maker patterns 0, 1 and 2
     * @param extraColumn    the canvas column of the extra frame, or null when there is none
     * @param window         the frame inside every cell, in cell coordinates
     * @param background     the flat background colour as 0xRRGGBB, or null to estimate it from the image
     */
    public SheetLayout(int canvasWidth, int canvasHeight, int cellWidth, int cellHeight, List<Direction> rows,
                       int[] patternColumns, Integer extraColumn, Rectangle window, Integer background) {
        if (canvasWidth <= 0 || canvasHeight <= 0 || cellWidth <= 0 || cellHeight <= 0) {
            throw new IllegalArgumentException("canvas " + canvasWidth + "x" + canvasHeight + " and cell " + cellWidth
                    + "x" + cellHeight + " must be positive");
        }
        if (rows.size() != Direction.values().length) {
            throw new IllegalArgumentException("rows: expected the 4 directions, got " + rows);
        }
        Map<Direction, Integer> rowMap = new EnumMap<>(Direction.class);
        for (int r = 0; r < rows.size(); r++) {
            if (rowMap.put(Objects.requireNonNull(rows.get(r), "rows[" + r + "]"), r) != null) {
                throw new IllegalArgumentException("rows: direction '" + rows.get(r).key() + "' appears twice in " + rows);
            }
        }
        if (rows.size() * cellHeight > canvasHeight) {
            throw new IllegalArgumentException(rows.size() + " rows of " + cellHeight + " px do not fit a canvas "
                    + canvasHeight + " px high");
        }
        if (patternColumns.length != CharacterFrames.PATTERNS) {
            throw new IllegalArgumentException("expected columns for patterns 0..2, got " + patternColumns.length);
        }
        int columns = canvasWidth / cellWidth;
        for (int p = 0; p < patternColumns.length; p++) {
            checkColumn(patternColumns[p], columns, "pattern " + p);
            for (int q = 0; q < p; q++) {
                if (patternColumns[q] == patternColumns[p]) {
                    throw new IllegalArgumentException("patterns " + q + " and " + p + " share canvas column " + patternColumns[p]);
                }
            }
            if (extraColumn != null && extraColumn == patternColumns[p]) {
                throw new IllegalArgumentException("the extra frame shares canvas column " + extraColumn + " with pattern " + p);
            }
        }
        if (extraColumn != null) {
            checkColumn(extraColumn, columns, "the extra frame");
        }
        if (window.width <= 0 || window.height <= 0 || window.x < 0 || window.y < 0
                || window.x + window.width > cellWidth || window.y + window.height > cellHeight) {
            throw new IllegalArgumentException("frame window " + describe(window) + " does not lie inside the "
                    + cellWidth + "x" + cellHeight + " cell");
        }
        if (background != null && (background & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("background 0x" + Integer.toHexString(background) + " is not a 0xRRGGBB colour");
        }
        this.canvasWidth = canvasWidth;
        this.canvasHeight = canvasHeight;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.rowOf = rowMap;
        this.patternColumns = patternColumns.clone();
        this.extraColumn = extraColumn == null ? -1 : extraColumn;
        this.window = new Rectangle(window);
        this.background = background;
    }

    private static void checkColumn(int column, int columns, String what) {
        if (column < 0 || column >= columns) {
            throw new IllegalArgumentException(what + ": canvas column " + column + " is outside the " + columns
                    + " columns of cells");
        }
    }

    /**
     * The layout of a version-1 {@code layout} object from a model card (see the training
     * toolkit's {@code sheet_layout.py}). Keys this runtime does not use are ignored.
     *
     * @param resolution the model's resolution; the canvas must be resolution x resolution
     * @param source     names the card in error messages
     * @throws IllegalArgumentException naming {@code source} and the field when a field is missing,
     *                                  of the wrong type or contradicts another
     */
    public static SheetLayout fromJson(JsonObject layout, int resolution, String source) {
        return SheetLayoutJson.parse(layout, resolution, source);
    }

    /**
     * The layout of a model without one in its card: the whole image is one RPG Maker {@code $}
     * character, 3 pattern columns x 4 direction rows (down, left, right, up), each frame
     * (width / 3) x (height / 4) pixels (leftover pixels at the right and bottom are not used),
     * no extra frame, background estimated from the image.
     */
    public static SheetLayout dollarSheet(int width, int height) {
        if (width < CharacterFrames.PATTERNS || height < Direction.values().length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image is too small for 3 x 4 frames");
        }
        int w = width / CharacterFrames.PATTERNS;
        int h = height / Direction.values().length;
        return new SheetLayout(width, height, w, h, List.of(Direction.values()), new int[]{0, 1, 2}, null,
                new Rectangle(0, 0, w, h), null);
    }

    /** The card's layout if it has one, else {@link #dollarSheet} at the model's resolution. */
    public static SheetLayout forCard(ModelCard card) {
        if (card.kind() != ModelKind.SPRITE) {
            throw new IllegalArgumentException("model card '" + card.name() + "' is a " + card.kind().cardName()
                    + " model, not a sprite model: it has no sheet layout");
        }
        JsonObject layout = card.layout();
        return layout == null
                ? dollarSheet(card.resolution(), card.resolution())
                : fromJson(layout, card.resolution(), "model card '" + card.name() + "' layout");
    }

    public int canvasWidth() {
        return canvasWidth;
    }

    public int canvasHeight() {
        return canvasHeight;
    }

    public int cellWidth() {
        return cellWidth;
    }

    public int cellHeight() {
        return cellHeight;
    }

    /** The canvas row that shows {@code direction}. */
    public int row(Direction direction) {
        return rowOf.get(direction);
    }

    /** The canvas column that holds RPG Maker pattern {@code pattern} (0..2). */
    public int patternColumn(int pattern) {
        checkPattern(pattern);
        return patternColumns[pattern];
    }

    /** The canvas column of the extra passing frame, if the layout has one. */
    public OptionalInt extraColumn() {
        return extraColumn < 0 ? OptionalInt.empty() : OptionalInt.of(extraColumn);
    }

    public boolean hasExtra() {
        return extraColumn >= 0;
    }

    /** The frame window inside a cell, in cell coordinates (a copy). */
    public Rectangle frameWindow() {
        return new Rectangle(window);
    }

    /** The background colour (0xRRGGBB) the layout promises, or empty when it must be estimated. */
    public OptionalInt background() {
        return background == null ? OptionalInt.empty() : OptionalInt.of(background);
    }

    /** The whole cell of (direction, pattern), in canvas coordinates. */
    public Rectangle cellBounds(Direction direction, int pattern) {
        return cell(row(direction), patternColumn(pattern));
    }

    /** The whole cell of the extra frame of {@code direction}, in canvas coordinates. */
    public Optional<Rectangle> extraCellBounds(Direction direction) {
        return hasExtra() ? Optional.of(cell(row(direction), extraColumn)) : Optional.empty();
    }

    /** The RPG Maker frame of (direction, pattern), in canvas coordinates. */
    public Rectangle frameBounds(Direction direction, int pattern) {
        return inCell(cellBounds(direction, pattern));
    }

    /** The extra frame of {@code direction}, in canvas coordinates, if the layout has one. */
    public Optional<Rectangle> extraBounds(Direction direction) {
        return extraCellBounds(direction).map(this::inCell);
    }

    private Rectangle cell(int row, int column) {
        return new Rectangle(column * cellWidth, row * cellHeight, cellWidth, cellHeight);
    }

    private Rectangle inCell(Rectangle cell) {
        return new Rectangle(cell.x + window.x, cell.y + window.y, window.width, window.height);
    }

    private static void checkPattern(int pattern) {
        if (pattern < 0 || pattern >= CharacterFrames.PATTERNS) {
            throw new IllegalArgumentException("pattern " + pattern + " is not 0, 1 or 2");
        }
    }

    static String describe(Rectangle r) {
        return "(x " + r.x + ", y " + r.y + ", " + r.width + "x" + r.height + ")";
    }

    @Override
    public String toString() {
        return "SheetLayout[canvas " + canvasWidth + "x" + canvasHeight + ", cell " + cellWidth + "x" + cellHeight
                + ", window " + describe(window) + ", extra " + (hasExtra() ? "column " + extraColumn : "none")
                + ", background " + (background == null ? "estimated" : String.format("#%06x", background)) + "]";
    }
}
