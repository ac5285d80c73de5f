//! The options of `export` and `import`: the format and tag scheme they share, how spans map
//! to an export, and what an import maps onto.

use clap::{Args, ValueEnum};
use qalam_core::interchange::{BoundaryPolicy, ExportOptions, Format, ImportOptions, TagScheme};
use qalam_core::io::label_template;

/// The format of `qalam export` and `qalam import`.
#[derive(Debug, Clone, Args)]
pub struct FormatOptions {
    /// The dataset format (see the list above).
    #[arg(long, short = 'f', value_parser = format_names())]
    pub format: String,
    /// Tagging scheme of token formats (CoNLL, Hugging Face).
    #[arg(long, value_enum, default_value_t = SchemeArg::Iob2)]
    pub scheme: SchemeArg,
}

/// How `qalam export` maps spans to the format.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Spans starting or ending inside a token: split the token (lossless) or widen the span to
    /// the whole token (the ANERcorp/Wojood convention). Every widened span is reported.
    #[arg(long, value_enum, default_value_t = BoundaryArg::Split)]
    pub boundary: BoundaryArg,
    /// Override a label's export tag, e.g. `--tag COUNTRY=LOC` (repeatable).
    #[arg(long = "tag", value_name = "LABEL=TAG")]
    pub tags: Vec<String>,
    /// spaCy: the `doc.spans` key every span goes to.
    #[arg(long, default_value = "sc")]
    pub spans_key: String,
    /// Hugging Face: train,validation,test fractions, e.g. `0.8,0.1,0.1`.
    #[arg(long, value_name = "TRAIN,VAL,TEST")]
    pub split: Option<String>,
    /// Also export spans rejected in review (and unchanged since). By default they are left
    /// out, each one listed in the report.
    #[arg(long)]
    pub include_rejected: bool,
}

/// What `qalam import` maps tags onto.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// A label template (`*.labels.json`) to map tags onto.
    #[arg(long, value_name = "TEMPLATE")]
    pub labels: Option<std::path::PathBuf>,
    /// Take only this annotator's annotations (Label Studio).
    #[arg(long)]
    pub annotator: Option<String>,
}

/// `--scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemeArg {
    /// B- on every entity start, I- inside.
    Iob2,
    /// B-, I-, E- and S- (single-token).
    Bioes,
}

/// `--boundary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BoundaryArg {
    /// Split the token at the span boundary.
    Split,
    /// Widen the span to whole tokens.
    Widen,
}

fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        Format::ALL.map(|format| {
            clap::builder::PossibleValue::new(format.name()).help(format.description())
        }),
    )
}

impl FormatOptions {
    fn format(&self) -> Result<Format, String> {
        Format::from_name(&self.format).ok_or_else(|| format!("unknown format {:?}", self.format))
    }

    fn scheme(&self) -> TagScheme {
        match self.scheme {
            SchemeArg::Iob2 => TagScheme::Iob2,
            SchemeArg::Bioes => TagScheme::Bioes,
        }
    }

    /// The format and export options, or what is wrong with the arguments.
    pub fn export_options(&self, args: &ExportArgs) -> Result<(Format, ExportOptions), String> {
        let mut options = ExportOptions {
            scheme: self.scheme(),
            boundary: match args.boundary {
                BoundaryArg::Split => BoundaryPolicy::Split,
                BoundaryArg::Widen => BoundaryPolicy::Widen,
            },
            spans_key: Some(args.spans_key.clone()),
            include_rejected: args.include_rejected,
            ..ExportOptions::default()
        };
        for tag in &args.tags {
            let (label, value) = tag
                .split_once('=')
                .filter(|(label, value)| !label.is_empty() && !value.is_empty())
                .ok_or_else(|| format!("--tag {tag:?}: expected LABEL=TAG"))?;
            options
                .tag_overrides
                .insert(label.to_owned(), value.to_owned());
        }
        if let Some(split) = &args.split {
            options.splits = Some(parse_split(split)?);
        }
        Ok((self.format()?, options))
    }

    /// The format and import options, or what is wrong with the arguments.
    pub fn import_options(&self, args: &ImportArgs) -> Result<(Format, ImportOptions), String> {
        let labels = match &args.labels {
            Some(path) => {
                Some(label_template::load_template(path).map_err(|error| error.to_string())?)
            }
            None => None,
        };
        let options = ImportOptions {
            labels,
            annotator: args.annotator.clone(),
        };
        Ok((self.format()?, options))
    }
}

/// `0.8,0.1,0.1` → `[0.8, 0.1, 0.1]`; the three must be ≥ 0 and add up to 1.
fn parse_split(text: &str) -> Result<[f64; 3], String> {
    let parts: Vec<f64> = text
        .split(',')
        .map(|part| part.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("--split {text:?}: expected three numbers like 0.8,0.1,0.1"))?;
    let [train, validation, test] = parts[..] else {
        return Err(format!("--split {text:?}: expected three fractions"));
    };
    if [train, validation, test].iter().any(|part| *part < 0.0)
        || ((train + validation + test) - 1.0).abs() > 1e-6
    {
        return Err(format!(
            "--split {text:?}: fractions must be ≥ 0 and add up to 1"
        ));
    }
    Ok([train, validation, test])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_fractions_must_add_up_to_one() {
        assert_eq!(parse_split("0.8,0.1,0.1"), Ok([0.8, 0.1, 0.1]));
        assert!(parse_split("0.8,0.1").is_err());
        assert!(
            parse_split("0.8,0.3,0.1")
                .unwrap_err()
                .contains("add up to 1")
        );
        assert!(parse_split("a,b,c").is_err());
    }
}
