//! Cohen's kappa between two annotators' tag sequences:
//! `κ = (p_o − p_e) / (1 − p_e)`, `p_o` the share of tokens with the same tag, `p_e = Σ_c
//! p_a(c) · p_b(c)` the agreement expected from each annotator's tag frequencies. As
//! scikit-learn's `cohen_kappa_score` (unweighted).

/// Counts for Cohen's kappa, added to token by token (and document by document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohenTally {
    tokens: u64,
    same: u64,
    a: Vec<u64>,
    b: Vec<u64>,
}

impl CohenTally {
    /// An empty tally for tags `0..categories`.
    pub fn new(categories: usize) -> Self {
        Self {
            tokens: 0,
            same: 0,
            a: vec![0; categories],
            b: vec![0; categories],
        }
    }

    /// Adds two tag sequences of equal length (tags below `categories`).
    pub fn add(&mut self, a: &[u32], b: &[u32]) {
        for (&x, &y) in a.iter().zip(b) {
            self.tokens += 1;
            self.same += u64::from(x == y);
            self.a[x as usize] += 1;
            self.b[y as usize] += 1;
        }
    }

    /// Tokens counted.
    pub fn tokens(&self) -> u64 {
        self.tokens
    }

    /// Kappa; `None` without tokens or when `p_e = 1` (both used one and the same tag only).
    pub fn kappa(&self) -> Option<f64> {
        if self.tokens == 0 {
            return None;
        }
        let n = self.tokens as f64;
        let expected: u128 = self
            .a
            .iter()
            .zip(&self.b)
            .map(|(&x, &y)| u128::from(x) * u128::from(y))
            .sum();
        let all = u128::from(self.tokens) * u128::from(self.tokens);
        if expected == all {
            return None;
        }
        let p_o = self.same as f64 / n;
        let p_e = expected as f64 / all as f64;
        Some((p_o - p_e) / (1.0 - p_e))
    }
}
