//! Points and rectangles in map units (1 unit = 1 pt on a poster printed at 100 %).

/// A point in map units; y grows downwards.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    /// Horizontal position.
    pub x: f32,
    /// Vertical position, growing downwards.
    pub y: f32,
}

impl Point {
    /// A point.
    #[must_use]
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle in map units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Top-left corner.
    pub min: Point,
    /// Bottom-right corner.
    pub max: Point,
}

impl Rect {
    /// The rectangle with this top-left corner and size.
    #[must_use]
    pub fn from_xywh(x: f32, y: f32, width: f32, height: f32) -> Self {
        Self { min: Point::new(x, y), max: Point::new(x + width, y + height) }
    }

    /// Width.
    #[must_use]
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    /// Height.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    /// The centre point.
    #[must_use]
    pub fn centre(&self) -> Point {
        Point::new(f32::midpoint(self.min.x, self.max.x), f32::midpoint(self.min.y, self.max.y))
    }

    /// Whether the two rectangles share any area (touching edges do not count).
    #[must_use]
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    /// Whether `other` lies inside this rectangle, allowing `slack` units of rounding error.
    #[must_use]
    pub fn contains_rect(&self, other: &Rect, slack: f32) -> bool {
        other.min.x >= self.min.x - slack
            && other.min.y >= self.min.y - slack
            && other.max.x <= self.max.x + slack
            && other.max.y <= self.max.y + slack
    }

    /// Whether the point lies inside the rectangle (edges included).
    #[must_use]
    pub fn contains(&self, point: Point) -> bool {
        point.x >= self.min.x && point.x <= self.max.x && point.y >= self.min.y && point.y <= self.max.y
    }

    /// The smallest rectangle holding both.
    #[must_use]
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    /// The rectangle grown by `amount` on every side.
    #[must_use]
    pub fn expand(&self, amount: f32) -> Rect {
        Rect {
            min: Point::new(self.min.x - amount, self.min.y - amount),
            max: Point::new(self.max.x + amount, self.max.y + amount),
        }
    }
}
