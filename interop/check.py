#!/usr/bin/env python3
"""Interoperability check: Qalam's exports loaded by the real readers.

Exports the sample article (tests fixture) and the Wojood sample (imported from its CoNLL
columns) with the Qalam command line, then loads every export with the tools people train
with and asserts that the entities they see are exactly Qalam's spans (texts, labels, counts):

- spaCy ``DocBin().from_disk(...)``: ``doc.text``, ``doc.spans["sc"]`` (every span) and
  ``doc.ents`` (the outermost non-overlapping layer);
- Hugging Face ``datasets.load_dataset(FOLDER)``: ``tokens`` and ``ner_tags`` as a sequence of
  ``ClassLabel`` carrying the tag names;
- seqeval on the CoNLL tags (first tag column = outermost layer).

Agreement: ``qalam agree --json --matrix`` on the three-annotator fixture corpus and on the
Wojood sample with two perturbed copies; Cohen's kappa of every pair must equal scikit-learn's
``cohen_kappa_score`` and Krippendorff's alpha the ``krippendorff`` package's (nominal) on the
exported token tags, to 1e-9, per document and corpus-wide (Fleiss' kappa against a direct
numpy transcription of its formula).

Then times Python + spaCy (blank Arabic tokenizer, ``offsets_to_biluo_tags``, writing the
columns) against ``qalam export --format conll`` on the Wojood documents and prints the ratio.

Usage: ``python interop/check.py [--qalam "CMD ..."] [--speed-qalam "CMD ..."]`` where CMD runs
Qalam's command line (default: the release binary ``target/release/qalam``);
``CMD export --format F -o OUT PATH`` and ``CMD import --format F -o DIR PATH`` must work.
``--speed-qalam`` names the (optimised) command that is timed. Exit status 0 when every check
passes.
"""

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "crates/qalam-core/tests/fixtures/interchange/kim-lavrov-wonsan.ar.qalam.json"
AGREEMENT = ROOT / "crates/qalam-core/tests/fixtures/agreement"
WOJOOD = [ROOT / "tests/fixtures/wojood" / f"{name}.txt" for name in ("train", "val", "test")]

failures = []
passed = 0


def check(condition, message):
    """Records one assertion."""
    global passed
    if condition:
        passed += 1
    else:
        failures.append(message)
        print(f"FAIL: {message}", flush=True)


def run(qalam, args):
    """Runs the Qalam command line; exit 1 (spans reported) is not an error."""
    command = qalam + [str(a) for a in args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{shlex.join(command)} exited {result.returncode}: {result.stderr[-2000:]}")
    return result


# ---------------------------------------------------------------- expected spans from .qalam.json


class Expected:
    """A Qalam document as its .qalam.json says: text and spans with export tags."""

    def __init__(self, path):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.id = data["document"]["id"]
        self.text = data["document"]["text"]
        tags = {
            item["name"]: item.get("export_tag") or item["name"] for item in data["labels"]["items"]
        }
        # In file order, which is Qalam's span order (start, end, id): ties in the layering
        # follow it.
        self.ordered = [
            (span["start"], span["end"], tags.get(span["label"], span["label"])) for span in data["spans"]
        ]
        self.spans = sorted(self.ordered)

    def outer(self):
        """The outermost non-overlapping layer, as Qalam chooses it: by start, longest first."""
        layer, reached = [], 0
        for start, end, tag in sorted(self.ordered, key=lambda s: (s[0], -s[1])):
            if start >= reached:
                layer.append((start, end, tag))
                reached = end
        return layer


def squeeze(text):
    """Text without whitespace, to compare token sequences with character spans."""
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- the readers


def check_spacy(path, documents, name):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    check(len(docs) == len(documents), f"{name}: spaCy sees {len(docs)} docs, Qalam wrote {len(documents)}")
    for doc, expected in zip(docs, documents):
        check(doc.text == expected.text, f"{name}/{expected.id}: spaCy doc.text differs from Qalam's text")
        group = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"])
        check(group == expected.spans, f"{name}/{expected.id}: doc.spans['sc'] {len(group)} spans != Qalam {len(expected.spans)}: {set(group) ^ set(expected.spans)}")
        for span in doc.spans["sc"]:
            check(span.text == expected.text[span.start_char:span.end_char], f"{name}/{expected.id}: span text «{span.text}»")
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        check(ents == expected.outer(), f"{name}/{expected.id}: doc.ents {len(ents)} != Qalam's outer layer {len(expected.outer())}")
    total = sum(len(d.spans["sc"]) for d in docs)
    print(f"spaCy DocBin {name}: {len(docs)} docs, {total} spans in doc.spans['sc'], {sum(len(d.ents) for d in docs)} in doc.ents")


def entities_iob2(tags):
    """(first, last exclusive, label) of IOB2 tags, via seqeval."""
    from seqeval.metrics.sequence_labeling import get_entities

    return [(start, end + 1, label) for label, start, end in get_entities(list(tags))]


def check_hf(folder, documents, name):
    import datasets

    dataset = datasets.load_dataset(str(folder))
    train = dataset["train"]
    feature = train.features["ner_tags"]
    inner = getattr(feature, "feature", None)
    check(isinstance(inner, datasets.ClassLabel), f"{name}: ner_tags is not a sequence of ClassLabel: {feature}")
    names = inner.names
    check(names[0] == "O" and all(re.match(r"^[BI]-", n) for n in names[1:]), f"{name}: ClassLabel names {names}")
    by_document = {}
    for row in train:
        tags = [names[t] for t in row["ner_tags"]]
        for first, last, label in entities_iob2(tags):
            by_document.setdefault(row["document"], []).append(("".join(row["tokens"][first:last]), label))
    for expected in documents:
        seen = by_document.get(expected.id, [])
        want = [(squeeze(expected.text[s:e]), tag) for s, e, tag in expected.outer()]
        check(seen == want, f"{name}/{expected.id}: datasets sees {len(seen)} entities, Qalam's outer layer has {len(want)}: {set(seen) ^ set(want)}")
    entities = sum(len(v) for v in by_document.values())
    print(f"datasets {name}: {train.num_rows} rows, ClassLabel with {len(names)} names, {entities} entities")


def read_conll(path):
    """Sentences of (token, [tags...]) from CoNLL columns, skipping -DOCSTART- lines."""
    sentences, current, documents = [], [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if current:
                sentences.append(current)
                current = []
            documents.append(len(sentences))
            continue
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        columns = line.split()
        current.append((columns[0], columns[1:]))
    if current:
        sentences.append(current)
    return sentences


def check_conll(path, documents, name):
    from seqeval.metrics import f1_score

    sentences = read_conll(path)
    seen = []
    all_tags = []
    for sentence in sentences:
        tags = [columns[0] if columns else "O" for _, columns in sentence]
        all_tags.append(tags)
        for first, last, label in entities_iob2(tags):
            seen.append(("".join(token for token, _ in sentence[first:last]), label))
    want = [(squeeze(d.text[s:e]), tag) for d in documents for s, e, tag in d.outer()]
    check(seen == want, f"{name}: seqeval sees {len(seen)} entities in the CoNLL tags, Qalam's outer layer has {len(want)}: {set(seen) ^ set(want)}")
    check(f1_score(all_tags, all_tags) == 1.0 or not want, f"{name}: seqeval f1 of the tags against themselves is not 1")
    print(f"seqeval {name}: {len(sentences)} sentences, {len(seen)} entities (outer layer)")


def check_spacy_import(qalam, documents, work, name):
    """A DocBin written by spaCy itself (every default attribute) imported by Qalam."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("ar")
    docbin = DocBin()
    want, unaligned = [], 0
    for expected in documents:
        doc = nlp(expected.text)
        spans = [doc.char_span(s, e, label=t) for s, e, t in expected.spans]
        unaligned += spans.count(None)
        spans = [span for span in spans if span is not None]
        doc.spans["sc"] = spans
        outer, reached = [], 0
        for span in sorted(spans, key=lambda x: (x.start, -x.end)):
            if span.start >= reached:
                outer.append(span)
                reached = span.end
        doc.ents = outer
        docbin.add(doc)
        want.append((expected.text, sorted({(x.start_char, x.end_char, x.label_) for x in spans})))
    path = work / f"{name}_by_spacy.spacy"
    docbin.to_disk(path)
    out = work / f"{name}-from-spacy"
    run(qalam, ["import", "--format", "spacy", "-o", out, path])
    got = []
    loaded = [json.loads(f.read_text(encoding="utf-8")) for f in out.glob("*.qalam.json")]
    # Ids are the file's stem, with `-N` (1-based) when it holds several docs.
    loaded.sort(key=lambda d: int(d["document"]["id"].rsplit("-", 1)[-1]) if "-" in d["document"]["id"] else 0)
    for data in loaded:
        got.append((data["document"]["text"], sorted({(x["start"], x["end"], x["label"]) for x in data["spans"]})))
    check(len(got) == len(want), f"{name}: Qalam imported {len(got)} of spaCy's {len(want)} docs")
    for (text, spans), (want_text, want_spans) in zip(got, want):
        check(text == want_text, f"{name}: imported text differs from spaCy's doc.text")
        check(spans == want_spans, f"{name}: imported {len(spans)} spans, spaCy wrote {len(want_spans)}: {set(spans) ^ set(want_spans)}")
    print(f"Qalam imports spaCy's own DocBin of {name}: {len(got)} docs, {sum(len(s) for _, s in got)} spans"
          f" ({unaligned} of Qalam's spans do not align with spaCy's own tokenizer and were not written)")


# ---------------------------------------------------------------- speed


def spacy_conll(documents, out):
    """The Python + spaCy conversion the issue compares against."""
    import spacy
    from spacy.training import offsets_to_biluo_tags

    nlp = spacy.blank("ar")
    with open(out, "w", encoding="utf-8") as file:
        for expected in documents:
            doc = nlp(expected.text)
            tags = offsets_to_biluo_tags(doc, [(s, e, t) for s, e, t in expected.outer()])
            file.write("-DOCSTART- -X- O O\n\n")
            for token, tag in zip(doc, tags):
                if not token.is_space:
                    file.write(f"{token.text} {tag}\n")
            file.write("\n")


def best_of(runs, function):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


# ---------------------------------------------------------------- offset formats


def utf16(text, cp):
    """The UTF-16 offset of code point `cp` of `text`, as JavaScript (and Label Studio) count."""
    return len(text[:cp].encode("utf-16-le")) // 2


def utf16_slice(text, start, end):
    """`text[start:end]` in UTF-16 units, as JavaScript's `substring` cuts it."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def check_label_studio(path, documents, name):
    """Label Studio's offsets are UTF-16 units: every result must cut its own text out of the
    task's text the way the Label Studio front end (JavaScript) cuts it, and be one of Qalam's
    spans."""
    tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    by_text = {}
    for task in tasks:
        text = task["data"]["text"]
        results = [r for a in task.get("annotations", []) + task.get("predictions", []) for r in a["result"]]
        for result in results:
            value = result["value"]
            cut = utf16_slice(text, value["start"], value["end"])
            check(cut == value["text"], f"{name}: Label Studio result «{value['text']}» but its UTF-16 offsets cut «{cut}»")
            by_text.setdefault(text, set()).add((value["start"], value["end"], value["labels"][0]))
    for expected in documents:
        want = {(utf16(expected.text, s), utf16(expected.text, e), tag) for s, e, tag in expected.spans}
        seen = by_text.get(expected.text, set())
        check(seen == want, f"{name}/{expected.id}: Label Studio holds {len(seen)} spans, Qalam {len(want)}: {seen ^ want}")


def check_doccano(path, documents, name):
    """doccano's offsets are Python string indices (code points)."""
    lines = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    check(len(lines) == len(documents), f"{name}: doccano has {len(lines)} lines for {len(documents)} documents")
    for line, expected in zip(lines, documents):
        check(line["text"] == expected.text, f"{name}/{expected.id}: doccano text differs")
        seen = sorted((s, e, tag) for s, e, tag in line["label"])
        check(seen == expected.spans, f"{name}/{expected.id}: doccano {len(seen)} spans != Qalam {len(expected.spans)}")


def check_prodigy(path, documents, name):
    """Prodigy is Python: offsets are string indices, ``token_end`` is inclusive, and a token's
    ``ws`` says one space follows it. Every task's tokens joined with their ``ws`` must be its
    text, every span's ``text[start:end]`` its tokens joined, and the spans Qalam's."""
    tasks = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    check(len(tasks) == len(documents), f"{name}: Prodigy has {len(tasks)} tasks for {len(documents)} documents")
    for task, expected in zip(tasks, documents):
        text, tokens = task["text"], task["tokens"]
        where = f"{name}/{expected.id}"
        check(text == expected.text, f"{where}: Prodigy text differs")
        check(task.get("answer") == "accept" and task["meta"]["id"] == expected.id, f"{where}: answer/meta.id wrong")
        check([t["id"] for t in tokens] == list(range(len(tokens))), f"{where}: token ids are not 0, 1, 2, ...")
        check(all(text[t["start"]:t["end"]] == t["text"] for t in tokens), f"{where}: a token's offsets do not cut its text")
        joined = "".join(t["text"] + (" " if t["ws"] else "") for t in tokens)
        check(joined == text, f"{where}: tokens joined with ws are not the text")
        seen = []
        for span in task["spans"]:
            first, last = span["token_start"], span["token_end"]
            covered = tokens[first:last + 1]
            words = "".join(t["text"] + (" " if t["ws"] and i < len(covered) - 1 else "") for i, t in enumerate(covered))
            check(0 <= first <= last < len(tokens), f"{where}: span {span} has bad token indices")
            check(text[span["start"]:span["end"]] == words, f"{where}: span «{text[span['start']:span['end']]}» but its tokens are «{words}»")
            check(covered and covered[0]["start"] == span["start"] and covered[-1]["end"] == span["end"], f"{where}: span {span} does not start and end with its tokens")
            seen.append((span["start"], span["end"], span["label"]))
        check(sorted(seen) == expected.spans, f"{where}: Prodigy {len(seen)} spans != Qalam {len(expected.spans)}: {set(seen) ^ set(expected.spans)}")


def check_brat(folder, documents, name):
    """brat's standoff offsets are code points into NAME.txt; the text column repeats the span."""
    seen_texts = {}
    for ann in sorted(Path(folder).glob("**/*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        spans = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            _, kind, covered = line.split("\t")
            tag, start, end = kind.split(" ")
            start, end = int(start), int(end)
            check(" ".join(text[start:end].split()) == " ".join(covered.split()), f"{name}/{ann.name}: «{covered}» but the offsets cut «{text[start:end]}»")
            spans.add((start, end, tag))
        seen_texts[text] = spans
    for expected in documents:
        seen = seen_texts.get(expected.text)
        check(seen == set(expected.spans), f"{name}/{expected.id}: brat holds {len(seen or [])} spans, Qalam {len(expected.spans)}")


# ---------------------------------------------------------------- agreement


def perturbed(path, out, annotator, every):
    """A copy of a .qalam.json as another annotator's: drops, relabels and shortens spans."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    text = data["document"]["text"]
    names = [item["name"] for item in data["labels"]["items"]]
    spans = []
    for k, span in enumerate(data["spans"]):
        if k % every == 1:
            continue
        span = dict(span, annotator=annotator)
        if k % (every + 2) == 2 and len(names) > 1:
            span["label"] = names[(names.index(span["label"]) + 1) % len(names)]
        if k % (every + 4) == 3 and span["end"] - span["start"] > 1:
            span["end"] -= 1
            span["text"] = text[span["start"]:span["end"]]
        spans.append(span)
    data["spans"] = spans
    data["annotator"] = annotator
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def fleiss(items):
    """Fleiss' kappa of items x raters category codes (numpy, from the formula)."""
    import numpy as np

    items = np.asarray(items)
    n_items, raters = items.shape
    categories = int(items.max()) + 1
    counts = np.zeros((n_items, categories))
    for r in range(raters):
        counts[np.arange(n_items), items[:, r]] += 1
    p_i = ((counts ** 2).sum(axis=1) - raters) / (raters * (raters - 1))
    p_j = counts.sum(axis=0) / (n_items * raters)
    p_e = (p_j ** 2).sum()
    return None if p_e == 1 else (p_i.mean() - p_e) / (1 - p_e)


def close(ours, theirs, message):
    """Qalam's figure against the reference one: both undefined, or within 1e-9."""
    import math

    undefined = theirs is None or (isinstance(theirs, float) and math.isnan(theirs))
    if ours is None or undefined:
        check(ours is None and undefined, f"{message}: Qalam {ours}, reference {theirs}")
    else:
        check(abs(ours - theirs) <= 1e-9, f"{message}: Qalam {ours!r}, reference {theirs!r}")


def reference_alpha(data):
    """The krippendorff package's nominal alpha; None where it refuses (a single value) or gives
    nan."""
    import warnings

    import krippendorff
    import numpy as np

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = float(krippendorff.alpha(reliability_data=np.asarray(data, dtype=float), level_of_measurement="nominal"))
    except (ValueError, ZeroDivisionError):
        return None
    return None if np.isnan(value) or np.isinf(value) else value


def check_agreement(qalam, paths, name):
    """`qalam agree --json --matrix` against scikit-learn and krippendorff."""
    import numpy as np
    from sklearn.metrics import cohen_kappa_score

    result = subprocess.run(qalam + ["agree", "--json", "--matrix", *map(str, paths)], capture_output=True, text=True)
    check(result.returncode == 0, f"{name}: qalam agree exited {result.returncode}: {result.stderr[-500:]}")
    report = json.loads(result.stdout)
    annotators = report["annotators"]
    matrix = {doc["document"]: doc for doc in report["matrix"]["documents"]}
    compared = 0

    def kappa(a, b):
        # sklearn returns nan (with a warning) when only one tag occurs.
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(cohen_kappa_score(a, b)) if len(a) else None

    def figures(docs, summary, where):
        nonlocal compared
        for pair in summary["pairs"]:
            a, b = annotators.index(pair["a"]), annotators.index(pair["b"])
            both = [d for d in docs if d["codes"][a] is not None and d["codes"][b] is not None]
            xs = [c for d in both for c in d["codes"][a]]
            ys = [c for d in both for c in d["codes"][b]]
            check(pair["tokens"] == len(xs), f"{where} {pair['a']}–{pair['b']}: {pair['tokens']} tokens, matrix has {len(xs)}")
            close(pair["cohen_kappa"], kappa(xs, ys), f"{where} {pair['a']}–{pair['b']}: Cohen's kappa")
            compared += 1
        # Reliability matrix: one row per annotator, one column per token, nan where missing.
        data = np.array([
            [v for d in docs for v in (d["codes"][k] if d["codes"][k] is not None else [np.nan] * d["tokens"])]
            for k in range(len(annotators))
        ], dtype=float)
        close(summary["krippendorff_alpha"], reference_alpha(data) if data.size else None, f"{where}: Krippendorff's alpha")
        if where == "corpus":
            # Corpus-wide Fleiss: the documents every annotator annotated.
            ks = list(range(len(annotators)))
            full = [d for d in docs if all(c is not None for c in d["codes"])]
        else:
            ks = [annotators.index(p) for p in summary["annotators"]]
            full = docs
        items = [[d["codes"][k][t] for k in ks] for d in full for t in range(d["tokens"])]
        close(summary["fleiss_kappa"], fleiss(items) if items and len(ks) >= 2 else None, f"{where}: Fleiss' kappa")

    docs = list(matrix.values())
    figures(docs, report["corpus"], "corpus")
    for doc in report["documents"]:
        if doc["document"] in matrix:
            figures([matrix[doc["document"]]], doc, doc["document"])
    corpus = report["corpus"]
    print(f"agreement {name}: {len(docs)} documents, {len(annotators)} annotators, {compared} kappas; "
          f"corpus alpha {corpus['krippendorff_alpha']}, Fleiss {corpus['fleiss_kappa']}: as sklearn/krippendorff")


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qalam", default=str(ROOT / "target/release/qalam"), help="command running Qalam's CLI")
    parser.add_argument("--speed-qalam", help="command timed against Python (default: --qalam); an optimised build")
    args = parser.parse_args()
    qalam = shlex.split(args.qalam)
    speed_qalam = shlex.split(args.speed_qalam) if args.speed_qalam else qalam

    work = Path(tempfile.mkdtemp(prefix="qalam-interop-"))
    corpora = {"sample": [SAMPLE]}
    wojood_dir = work / "wojood"
    try:
        result = run(qalam, ["import", "--format", "conll", "-o", wojood_dir, *WOJOOD])
        wojood_files = sorted(wojood_dir.glob("*.qalam.json"))
        check(len(wojood_files) > 0, f"the Wojood sample imported no documents: {result.stderr[-500:]}")
        corpora["wojood"] = wojood_files
    except RuntimeError as error:
        check(False, f"importing the Wojood sample failed: {error}")

    for name, files in corpora.items():
        if not files:
            continue
        documents = [Expected(f) for f in files]
        print(f"\n== {name}: {len(documents)} documents, {sum(len(d.spans) for d in documents)} spans")
        spacy_out = work / f"{name}.spacy"
        hf_out = work / f"{name}-hf"
        conll_out = work / f"{name}.conll"
        steps = [
            ("spaCy export", lambda: run(qalam, ["export", "--format", "spacy", "-o", spacy_out, *files])
             and check_spacy(spacy_out, documents, name)),
            ("Hugging Face export", lambda: run(qalam, ["export", "--format", "hf", "-o", hf_out, *files])
             and check_hf(hf_out, documents, name)),
            ("spaCy import", lambda: check_spacy_import(qalam, documents, work, name)),
            ("Label Studio export", lambda: run(qalam, ["export", "--format", "label-studio", "-o", work / f"{name}.ls.json", *files])
             and check_label_studio(work / f"{name}.ls.json", documents, name)),
            ("doccano export", lambda: run(qalam, ["export", "--format", "doccano", "-o", work / f"{name}.jsonl", *files])
             and check_doccano(work / f"{name}.jsonl", documents, name)),
            ("Prodigy export", lambda: run(qalam, ["export", "--format", "prodigy", "-o", work / f"{name}.prodigy.jsonl", *files])
             and check_prodigy(work / f"{name}.prodigy.jsonl", documents, name)),
            ("brat export", lambda: run(qalam, ["export", "--format", "brat", "-o", work / f"{name}-brat", *files])
             and check_brat(work / f"{name}-brat", documents, name)),
            ("CoNLL export", lambda: run(qalam, ["export", "--format", "conll", "-o", conll_out, *files])
             and check_conll(conll_out, documents, name)),
        ]
        for label, step in steps:
            try:
                step()
            except RuntimeError as error:
                check(False, f"{name}: {label} failed: {error}")

    print("\n== agreement")
    try:
        check_agreement(qalam, [AGREEMENT], "fixture corpus")
        if corpora.get("wojood"):
            three = work / "agree-wojood"
            three.mkdir()
            for path in corpora["wojood"]:
                stem = path.name[: -len(".qalam.json")]
                perturbed(path, three / f"{stem}.Amal.qalam.json", "Amal", 1000)
                perturbed(path, three / f"{stem}.Omar.qalam.json", "Omar", 5)
                perturbed(path, three / f"{stem}.Sara.qalam.json", "Sara", 7)
            check_agreement(qalam, [three], "Wojood, three annotators")
    except (RuntimeError, json.JSONDecodeError, KeyError) as error:
        check(False, f"agreement check failed: {error!r}")

    if corpora.get("wojood"):
        files = corpora["wojood"]
        documents = [Expected(f) for f in files]
        python = best_of(3, lambda: spacy_conll(documents, work / "python.conll"))
        rust = best_of(3, lambda: run(speed_qalam, ["export", "--format", "conll", "-o", work / "rust.conll", *files]))
        tokens = sum(len(s) for s in read_conll(work / "rust.conll"))
        print(f"\n== speed, Wojood ({len(documents)} documents, {tokens} tokens) to CoNLL, best of 3:")
        print(f"Python + spaCy (blank 'ar', offsets_to_biluo_tags, columns): {python * 1000:.1f} ms")
        print(f"qalam export --format conll (whole process, reading the files): {rust * 1000:.1f} ms")
        print(f"ratio: {python / rust:.1f}x")

    print(f"\ninterop: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
