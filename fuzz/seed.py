#!/usr/bin/env python3
"""Writes the small seed corpora of fuzz/corpus/<target>/ from the repository's fixtures.
Run from the repository root: `python3 fuzz/seed.py`. (The spaCy seeds need a DocBin: they are
made from `target/fuzz-seed.spacy` and `target/fuzz-seed-small.spacy` when they exist:
`qalam export -f spacy -o target/fuzz-seed.spacy crates/qalam-core/tests/fixtures/interchange/kim-lavrov-wonsan.ar.qalam.json`
and the same of `crates/qalam-core/tests/fixtures/broken/baseline-valid.qalam.json`; the small one
fits the 4 KB input limit the spaCy runs use.)"""

import glob
import os
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "crates/qalam-core/tests/fixtures")
OUT = os.path.join(ROOT, "fuzz/corpus")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def put(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    for path in glob.glob(os.path.join(FIX, "broken/*.qalam.json"))[:8] + [
        os.path.join(FIX, "broken/baseline-valid.qalam.json"),
        os.path.join(FIX, "interchange/kim-lavrov-wonsan.ar.qalam.json"),
        os.path.join(FIX, "hostile/qalam/bom-at-start.qalam.json"),
    ]:
        put("qalam_json", os.path.basename(path), read(path))
    for index, notation in enumerate(
        [
            "زار [بوتين|PERSON] ل[روسيا|COUNTRY]",
            "زار {بوتين} ل[روسيا|COUNTRY*]",
            "{^زار} [[كيم|PERSON] جونغ|EVENT]^",
            "[a|X] [b|Y*] ^",
        ]
    ):
        put("notation", f"n{index}", notation)
    for path in glob.glob(os.path.join(FIX, "hostile/text/*")):
        put("text_import", os.path.basename(path), read(path))
    put("text_import", "crlf.txt", "\ufeffسطر\r\nثان 😀\n")
    for target, pattern in [
        ("doccano", "interchange/doccano/*.jsonl"),
        ("label_studio", "interchange/label_studio/*.json"),
        ("prodigy", "interchange/prodigy/*.jsonl"),
        ("conll", "conll/*.conll"),
        ("corpus_file", "corpus/qalam-corpus.json"),
        ("corpus_file", "hostile/corpus/traversal/qalam-corpus.json"),
        ("label_template", "hostile/templates/duplicate-names.labels.json"),
    ]:
        for path in glob.glob(os.path.join(FIX, pattern)):
            put(target, os.path.relpath(path, FIX).replace("/", "-"), read(path))
    put(
        "label_template",
        "valid.labels.json",
        '{"format": "qalam-labels", "version": 1, "allow_overlaps": true, "labels": ['
        '{"name": "PERSON", "color": "#3465a4", "hotkey": "P"}, '
        '{"name": "COUNTRY", "color": "#4e9a06", "hotkey": "C", "export_tag": "GPE"}]}\n',
    )
    put(
        "settings",
        "full.json",
        '{\n  "text_size": 24.0,\n  "dark_theme": false,\n  "last_folder": "/home/lina/articles",\n'
        '  "annotator": "لينا",\n  "recent_files": ["/home/lina/articles/a.qalam.json", "/tmp/ب.txt"],\n'
        '  "annotator_asked": true,\n  "show_label_palette": true,\n  "show_span_list": false,\n'
        '  "snap_to_words": true,\n  "show_document_list": true\n}\n',
    )
    put("settings", "partial.json", '\ufeff{"dark_theme": true, "text_size": 1e9, "x": [1, {"y": null}]}')
    for folder in ["interchange/brat/golden", "interchange/brat/input"]:
        for ann in glob.glob(os.path.join(FIX, folder, "*.ann")):
            txt = ann[:-4] + ".txt"
            put("brat", os.path.basename(ann), read(txt) + b"\xff" + read(ann))
    card = read(os.path.join(FIX, "hostile/hugging_face/bad-row/README.md"))
    put(
        "hugging_face",
        "train",
        card
        + b"\xff"
        + '{"id": "0", "document": "d", "tokens": ["زار", "بوتين"], "ner_tags": [0, 1]}\n'.encode(),
    )
    meta = b'{"original": "/x/a.txt", "title": "a", "saved_at": "2025-01-02T03:04:05Z"}'
    put(
        "recovery",
        "entry",
        meta + b"\xff" + read(os.path.join(FIX, "broken/baseline-valid.qalam.json")),
    )
    put("edits_undo", "a", bytes(range(0, 256, 3)))
    put("edits_undo", "b", bytes([0, 5, 9, 0, 3, 1, 4, 12, 11, 3, 0, 2, 20, 1]))
    for name in ["docbin", "docbin-small"]:
        docbin = os.path.join(ROOT, "target", name.replace("docbin", "fuzz-seed") + ".spacy")
        if os.path.exists(docbin):
            raw = read(docbin)
            put("spacy", name + ".msgpack", zlib.decompress(raw))
            put("spacy", name + ".file", b"Z" + raw)
    for path in glob.glob(os.path.join(FIX, "hostile/spacy/*.spacy")):
        put("spacy", os.path.basename(path), b"Z" + read(path))


if __name__ == "__main__":
    main()
