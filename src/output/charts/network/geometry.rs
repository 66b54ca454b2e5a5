//! Plain 2D geometry in pixels (y downwards): points and rectangles, with the containment,
//! overlap and crossing checks that layout and label placement ask of them.

/// A point in pixels, y downwards.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Point {
    pub(super) x: f64,
    pub(super) y: f64,
}

impl Point {
    pub(super) fn pixel(self) -> (i32, i32) {
        (self.x.round() as i32, self.y.round() as i32)
    }

    pub(super) fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// An axis-aligned rectangle in pixels; `left <= right` and `top <= bottom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) right: f64,
    pub(super) bottom: f64,
}

impl Rect {
    pub(super) fn at(left: f64, top: f64, width: f64, height: f64) -> Rect {
        Rect {
            left,
            top,
            right: left + width,
            bottom: top + height,
        }
    }

    pub(super) fn width(&self) -> f64 {
        self.right - self.left
    }

    pub(super) fn height(&self) -> f64 {
        self.bottom - self.top
    }

    pub(super) fn center(&self) -> Point {
        Point {
            x: (self.left + self.right) / 2.0,
            y: (self.top + self.bottom) / 2.0,
        }
    }

    /// The rectangle moved inwards by `by` on every side; a side too short collapses to its
    /// middle.
    pub(super) fn shrink(&self, by: f64) -> Rect {
        let c = self.center();
        Rect {
            left: (self.left + by).min(c.x),
            top: (self.top + by).min(c.y),
            right: (self.right - by).max(c.x),
            bottom: (self.bottom - by).max(c.y),
        }
    }

    pub(super) fn contains(&self, other: &Rect) -> bool {
        other.left >= self.left
            && other.right <= self.right
            && other.top >= self.top
            && other.bottom <= self.bottom
    }

    /// Whether the two share more than an edge.
    pub(super) fn intersects(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether the disc reaches inside the rectangle.
    pub(super) fn intersects_disc(&self, center: Point, radius: f64) -> bool {
        self.gap_to_disc(center, radius) < 0.0
    }

    /// Distance from the rectangle to the edge of the disc; negative when they overlap.
    pub(super) fn gap_to_disc(&self, center: Point, radius: f64) -> f64 {
        let nearest = Point {
            x: center.x.clamp(self.left, self.right),
            y: center.y.clamp(self.top, self.bottom),
        };
        nearest.distance(center) - radius
    }

    /// Whether the segment from `a` to `b` passes through the rectangle (Liang-Barsky).
    pub(super) fn crosses_segment(&self, a: Point, b: Point) -> bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (p, q) in [
            (-dx, a.x - self.left),
            (dx, self.right - a.x),
            (-dy, a.y - self.top),
            (dy, self.bottom - a.y),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 < t1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangles_detect_discs_and_crossing_segments() {
        let r = Rect::at(10.0, 10.0, 20.0, 10.0);
        let p = |x, y| Point { x, y };
        assert!(r.intersects_disc(p(5.0, 15.0), 6.0));
        assert!(!r.intersects_disc(p(5.0, 5.0), 6.0));
        assert!(r.crosses_segment(p(0.0, 15.0), p(40.0, 15.0)));
        assert!(!r.crosses_segment(p(0.0, 0.0), p(40.0, 5.0)));
        assert!(!r.crosses_segment(p(0.0, 15.0), p(5.0, 15.0)));
        assert!(r.intersects(&Rect::at(25.0, 15.0, 10.0, 10.0)));
        assert!(!r.intersects(&Rect::at(30.0, 10.0, 10.0, 10.0)));
    }
}
