//! Fleiss' kappa: `n` annotators, each giving every token one tag.
//! `P_i = (Σ_j n_ij² − n) / (n (n − 1))` (agreeing pairs on token `i`, `n_ij` annotators giving
//! it tag `j`), `P̄` their mean over the `N` tokens, `p_j = Σ_i n_ij / (N n)`, `P_e = Σ_j p_j²`,
//! `κ = (P̄ − P_e) / (1 − P_e)`.

/// Counts for Fleiss' kappa with a fixed number of annotators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleissTally {
    raters: u64,
    items: u64,
    squares: u64,
    totals: Vec<u64>,
    scratch: Vec<u64>,
}

impl FleissTally {
    /// An empty tally for `raters` annotators and tags `0..categories`.
    pub fn new(raters: usize, categories: usize) -> Self {
        Self {
            raters: raters as u64,
            items: 0,
            squares: 0,
            totals: vec![0; categories],
            scratch: vec![0; categories],
        }
    }

    /// Adds the tokens of one document: `codes[k]` is annotator `k`'s tag sequence (all
    /// `raters` of them, equally long).
    pub fn add(&mut self, codes: &[&[u32]]) {
        let tokens = codes.first().map_or(0, |c| c.len());
        for token in 0..tokens {
            for sequence in codes {
                self.scratch[sequence[token] as usize] += 1;
            }
            for sequence in codes {
                let tag = sequence[token] as usize;
                let count = std::mem::take(&mut self.scratch[tag]);
                self.squares += count * count;
                self.totals[tag] += count;
            }
            self.items += 1;
        }
    }

    /// Tokens counted.
    pub fn tokens(&self) -> u64 {
        self.items
    }

    /// Kappa; `None` with fewer than two annotators, without tokens, or when `P_e = 1` (one
    /// tag only).
    pub fn kappa(&self) -> Option<f64> {
        if self.raters < 2 || self.items == 0 {
            return None;
        }
        let ratings = self.items * self.raters;
        let sum_sq: u128 = self
            .totals
            .iter()
            .map(|&t| u128::from(t) * u128::from(t))
            .sum();
        let all = u128::from(ratings) * u128::from(ratings);
        if sum_sq == all {
            return None;
        }
        let n = self.raters as f64;
        let p_bar = (self.squares as f64 - ratings as f64) / (self.items as f64 * n * (n - 1.0));
        let p_e = sum_sq as f64 / all as f64;
        Some((p_bar - p_e) / (1.0 - p_e))
    }
}
