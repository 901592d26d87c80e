//! The search band: for each source position, the range of target positions the programme
//! looks at, around the diagonal or around an earlier path.

/// For each source position `i` (0..=n), the inclusive range of target positions searched.
#[derive(Clone, Debug)]
pub(crate) struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    /// A band of half-width `w` around the diagonal from (0, 0) to (n, m).
    pub fn diagonal(n: usize, m: usize, w: usize) -> Band {
        let centre = |i: usize| {
            if n == 0 {
                0
            } else {
                (i as f64 * m as f64 / n as f64).round() as usize
            }
        };
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        for i in 0..=n {
            let c = centre(i);
            lo.push(c.saturating_sub(w));
            hi.push((c + w).min(m));
        }
        Band::fixed(lo, hi, m)
    }

    /// A band of radius `r` around a path of (i, j) points from (0, 0) to (n, m).
    pub fn around(path: &[(usize, usize)], n: usize, m: usize, r: usize) -> Band {
        let mut pmin = vec![usize::MAX; n + 1];
        let mut pmax = vec![0usize; n + 1];
        for w in path.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            for i in i0..=i1 {
                pmin[i] = pmin[i].min(j0);
                pmax[i] = pmax[i].max(j1);
            }
        }
        for &(i, j) in path {
            pmin[i] = pmin[i].min(j);
            pmax[i] = pmax[i].max(j);
        }
        let mut lo = vec![0; n + 1];
        let mut hi = vec![0; n + 1];
        for i in 0..=n {
            let a = i.saturating_sub(r);
            let b = (i + r).min(n);
            lo[i] = pmin[a..=b]
                .iter()
                .min()
                .copied()
                .unwrap_or(0)
                .saturating_sub(r);
            hi[i] = (pmax[a..=b].iter().max().copied().unwrap_or(m) + r).min(m);
        }
        Band::fixed(lo, hi, m)
    }

    /// Make the band monotone, anchored at both corners and connected.
    fn fixed(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
        let n = lo.len() - 1;
        lo[0] = 0;
        hi[n] = m;
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            // Row i must reach row i - 1 (a 1-0 bead keeps j).
            lo[i] = lo[i].min(hi[i - 1]);
        }
        Band { lo, hi }
    }

    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }

    /// Whether the path comes within `margin` of an inner edge of the band.
    pub fn touched(&self, path: &[(usize, usize)], m: usize, margin: usize) -> bool {
        path.iter().any(|&(i, j)| {
            (self.lo[i] > 0 && j < self.lo[i] + margin)
                || (self.hi[i] < m && j + margin > self.hi[i])
        })
    }
}
