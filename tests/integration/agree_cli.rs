//! `qalam diff` and `qalam agree` on the fixture corpora: the two-annotator corpus
//! (`crates/qalam-core/tests/fixtures/corpus/`) and the three-annotator agreement corpus
//! (`crates/qalam-core/tests/fixtures/agreement/`: `summit` by Amal, Omar and Sara, `visit`
//! and `quiet` by Amal and Omar).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/qalam-core/tests/fixtures")
        .join(name)
}

fn path(folder: &str, file: &str) -> String {
    fixtures(folder).join(file).to_string_lossy().into_owned()
}

fn qalam(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qalam"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

fn close(value: &serde_json::Value, expected: f64) {
    let actual = value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"));
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

#[test]
fn diff_lists_agreements_and_spans_only_one_file_has() {
    let amal = path("corpus", "a.Amal.qalam.json");
    let omar = path("corpus", "a.Omar.qalam.json");
    let output = qalam(&["diff", &amal, &omar]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.contains("A: ") && text.contains("a.Amal.qalam.json (Amal), 2 spans\n"),
        "{text}"
    );
    assert!(
        text.contains("1 agree, 0 label, 0 boundary, 1 only in A, 0 only in B\n"),
        "{text}"
    );
    assert!(
        text.contains("agree   [4, 9) PERSON «بوتين»     [4, 9) PERSON «بوتين»\n"),
        "{text}"
    );
    assert!(
        text.contains("only A  [10, 15) COUNTRY «روسيا»  —\n"),
        "{text}"
    );
}

#[test]
fn diff_of_a_file_with_itself_agrees() {
    let amal = path("corpus", "a.Amal.qalam.json");
    let output = qalam(&["diff", &amal, &amal]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

#[test]
fn diff_refuses_files_of_different_texts() {
    let a = path("corpus", "a.Amal.qalam.json");
    let b = path("corpus", "news/b.Amal.qalam.json");
    let output = qalam(&["diff", &a, &b]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("annotate different texts"));
    assert_eq!(qalam(&["diff", &a]).status.code(), Some(2));
}

#[test]
fn diff_json_of_three_files_has_every_variant() {
    let files: Vec<String> = ["Amal", "Omar", "Sara"]
        .iter()
        .map(|who| path("agreement", &format!("summit.{who}.qalam.json")))
        .collect();
    let output = qalam(&["diff", "--json", &files[0], &files[1], &files[2]]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let value = json(&output);
    assert_eq!(value["files"][2]["annotator"], "Sara");
    let kinds: Vec<&str> = value["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["kind"].as_str().unwrap())
        .collect();
    // فلاديمير بوتين (Sara: الرئيس الروسي فلاديمير بوتين), الروسي (Omar only), كوريا الشمالية
    // (Omar: كوريا), كيم (Amal only, nested), كيم جونغ أون, بيونغ يانغ (Omar: COUNTRY),
    // وكالة الأنباء المركزية (Omar: وكالة الأنباء).
    assert_eq!(
        kinds,
        [
            "boundary", "partial", "boundary", "partial", "agree", "label", "boundary"
        ]
    );
    let city = &value["groups"][5]["variants"];
    assert_eq!(city[0]["label"], "CITY");
    assert_eq!(city[1]["label"], "COUNTRY");
    assert_eq!(city[1]["text"], "بيونغ يانغ");
    assert_eq!(value["summary"]["partial"], 2);
}

#[test]
fn agree_on_three_annotators_gives_pairs_fleiss_and_alpha() {
    let root = fixtures("agreement");
    let output = qalam(&["agree", "--json", root.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let value = json(&output);
    assert_eq!(
        value["annotators"],
        serde_json::json!(["Amal", "Omar", "Sara"])
    );
    let corpus = &value["corpus"];
    let pairs = corpus["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 3);
    // Amal–Sara only share `summit`: 6 and 5 spans, 4 identical; overlap adds بوتين's.
    let amal_sara = &pairs[1];
    assert_eq!(
        (&amal_sara["a"], &amal_sara["b"]),
        (&"Amal".into(), &"Sara".into())
    );
    assert_eq!(amal_sara["documents"], 1);
    close(&amal_sara["exact"]["f1"], 8.0 / 11.0);
    close(&amal_sara["overlap"]["f1"], 10.0 / 11.0);
    // Amal–Omar share all three documents.
    assert_eq!(pairs[0]["documents"], 3);
    assert!(corpus["krippendorff_alpha"].is_number());
    assert_eq!(corpus["fleiss_documents"], 1);
    let documents = value["documents"].as_array().unwrap();
    let quiet = documents.iter().find(|d| d["document"] == "quiet").unwrap();
    // No spans on either side: F1 1, but only the tag O, so no kappa.
    assert_eq!(quiet["exact_f1"], 1.0);
    assert_eq!(quiet["kappa"], serde_json::Value::Null);
    assert_eq!(value["problems"], serde_json::json!([]));
    assert!(value.get("matrix").is_none());
}

#[test]
fn agree_matrix_has_one_tag_per_token_and_annotator() {
    let root = fixtures("agreement");
    let value = json(&qalam(&[
        "agree",
        "--json",
        "--matrix",
        root.to_str().unwrap(),
    ]));
    let matrix = &value["matrix"];
    assert_eq!(matrix["tags"][0], "O");
    assert_eq!(matrix["tags"][1], "B-PERSON");
    for doc in matrix["documents"].as_array().unwrap() {
        let tokens = doc["tokens"].as_u64().unwrap() as usize;
        for codes in doc["codes"].as_array().unwrap() {
            if let Some(codes) = codes.as_array() {
                assert_eq!(codes.len(), tokens, "{doc}");
            }
        }
    }
    let summit = matrix["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "summit")
        .unwrap();
    assert!(summit["codes"][2].is_array());
    let visit = matrix["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "visit")
        .unwrap();
    assert!(visit["codes"][2].is_null());
    assert_eq!(
        qalam(&["agree", "--matrix", root.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn agree_prints_tables() {
    let root = fixtures("agreement");
    let output = qalam(&["agree", root.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "3 annotators (Amal, Omar, Sara); 3 documents, 3 annotated by two or more\n"
        ),
        "{text}"
    );
    assert!(text.contains("\npair  "), "{text}");
    assert!(text.contains("\nAmal – Sara  "), "{text}");
    assert!(text.contains("\nFleiss' kappa: "), "{text}");
    assert!(
        text.contains("\nKrippendorff's alpha (nominal): "),
        "{text}"
    );
    assert!(text.contains("\nquiet  "), "{text}");
    assert!(text.contains("label confusion"), "{text}");
    assert!(text.contains("CITY → COUNTRY 1"), "{text}");
}

#[test]
fn agree_on_files_groups_them_by_text() {
    let amal = path("corpus", "a.Amal.qalam.json");
    let omar = path("corpus", "a.Omar.qalam.json");
    let value = json(&qalam(&["agree", "--json", &amal, &omar]));
    assert_eq!(value["annotators"], serde_json::json!(["Amal", "Omar"]));
    assert_eq!(value["documents"].as_array().unwrap().len(), 1);
    let pair = &value["corpus"]["pairs"][0];
    close(&pair["exact"]["f1"], 2.0 / 3.0);
    // زار بوتين روسيا . : O B-PERSON B-COUNTRY O against O B-PERSON O O.
    assert_eq!(pair["tokens"], 4);
}

#[test]
fn agree_without_two_annotators_of_a_document_reports_it() {
    let amal = path("corpus", "a.Amal.qalam.json");
    let output = qalam(&["agree", &amal]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("no document has files of two or more annotators")
    );
}
