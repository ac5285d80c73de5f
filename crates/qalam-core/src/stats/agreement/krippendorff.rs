//! Krippendorff's alpha, nominal, over tokens as units with missing values (an annotator with
//! no file for a document has no value for its tokens). A unit with `m_u ≥ 2` values adds
//! `count_c · (count_c − 1) / (m_u − 1)` to the coincidence `o_cc` of each tag `c` and its
//! values to `n_c`; with `n = Σ_c n_c`,
//! `α = 1 − (n − 1) · (n − Σ_c o_cc) / (n² − Σ_c n_c²)`, i.e. `1 − D_o / D_e`. As the
//! `krippendorff` Python package (`level_of_measurement="nominal"`).

/// Counts for Krippendorff's alpha.
#[derive(Debug, Clone, PartialEq)]
pub struct AlphaTally {
    values: u64,
    agreeing: f64,
    totals: Vec<u64>,
    scratch: Vec<u64>,
}

impl AlphaTally {
    /// An empty tally for tags `0..categories`.
    pub fn new(categories: usize) -> Self {
        Self {
            values: 0,
            agreeing: 0.0,
            totals: vec![0; categories],
            scratch: vec![0; categories],
        }
    }

    /// Adds the tokens of one document: the tag sequences of the annotators who have one
    /// (equally long); tokens with fewer than two values are not pairable and add nothing.
    pub fn add(&mut self, codes: &[&[u32]]) {
        if codes.len() < 2 {
            return;
        }
        let m = codes.len() as u64;
        let tokens = codes[0].len();
        let mut same: u64 = 0;
        for token in 0..tokens {
            for sequence in codes {
                self.scratch[sequence[token] as usize] += 1;
            }
            for sequence in codes {
                let tag = sequence[token] as usize;
                let count = std::mem::take(&mut self.scratch[tag]);
                same += count * count.saturating_sub(1);
                self.totals[tag] += count;
            }
        }
        self.values += m * tokens as u64;
        self.agreeing += same as f64 / (m - 1) as f64;
    }

    /// Pairable values counted.
    pub fn values(&self) -> u64 {
        self.values
    }

    /// Alpha; `None` with fewer than two pairable values or when every value is the same tag
    /// (`D_e = 0`).
    pub fn alpha(&self) -> Option<f64> {
        if self.values < 2 {
            return None;
        }
        let sum_sq: u128 = self
            .totals
            .iter()
            .map(|&t| u128::from(t) * u128::from(t))
            .sum();
        let all = u128::from(self.values) * u128::from(self.values);
        if sum_sq == all {
            return None;
        }
        let n = self.values as f64;
        Some(1.0 - (n - 1.0) * (n - self.agreeing) / (all - sum_sq) as f64)
    }
}
