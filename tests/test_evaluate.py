import importlib.util
import json
import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate import GoldEntity, GoldText, TypeScore, evaluate, load_gold
from kg.model import EntityType, Mention

GOLD_DIR = Path(__file__).parent / "data" / "gold"


def _write(tmp_path: Path, rows: list) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def _mention(kind: EntityType, start: int, end: int, text: str = "") -> Mention:
    return Mention(type=kind, start=start, end=end, text=text, confidence=1.0, method="test")


def _fixed(*mentions: Mention):
    return lambda text: list(mentions)


def _regex_predictor(text: str) -> list[Mention]:
    """A tiny real predictor: two-character names after 处长/主任, and names ending in 局."""
    found = [_mention(EntityType.PERSON, m.start(1), m.end(1), m.group(1))
             for m in re.finditer(r"(?:处长|主任)(\w\w)", text)]
    found += [_mention(EntityType.ROLE, m.start(), m.end(), m.group()) for m in re.finditer(r"处长|主任", text)]
    found += [_mention(EntityType.ORG, m.start(), m.end(), m.group()) for m in re.finditer(r"\w{2,4}局", text)]
    return found


def test_load_gold_reads_rows_and_defaults_missing_ids(tmp_path):
    path = _write(tmp_path, [
        {"id": "a", "text": "处长李明", "entities": [{"start": 2, "end": 4, "type": "PERSON"}]},
        "",
        {"text": "没有实体", "entities": []},
    ])
    texts = load_gold(path)
    assert texts == [GoldText("a", "处长李明", (GoldEntity(2, 4, "PERSON"),)), GoldText("gold-3", "没有实体", ())]


@pytest.mark.parametrize("entity, message", [
    ({"start": 2, "end": 9, "type": "PERSON"}, "bad offsets"),
    ({"start": 3, "end": 3, "type": "PERSON"}, "bad offsets"),
    ({"start": -1, "end": 2, "type": "PERSON"}, "bad offsets"),
    ({"start": "0", "end": 2, "type": "PERSON"}, "must be integers"),
    ({"start": 0, "end": 2, "type": "NAME"}, "unknown type"),
    ({"start": 0, "end": 2, "type": "PERSON", "text": "李明"}, "differs from"),
])
def test_load_gold_rejects_bad_entity_naming_file_and_line(tmp_path, entity, message):
    path = _write(tmp_path, [{"text": "一切正常", "entities": []}, {"text": "处长李明", "entities": [entity]}])
    with pytest.raises(InputError, match=rf"gold\.jsonl:2: .*{message}"):
        load_gold(path)


def test_load_gold_rejects_broken_json_naming_line(tmp_path):
    path = _write(tmp_path, ['{"text": "好", "entities": []}', '{"text": "坏"'])
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not valid JSON"):
        load_gold(path)


def test_load_gold_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "absent.jsonl")


TEXT = "市公安局处长李明主持会议"  # 市公安局 0-4, 处长 4-6, 李明 6-8
GOLD = [GoldText("t", TEXT, (GoldEntity(0, 4, "ORG"), GoldEntity(4, 6, "TITLE"), GoldEntity(6, 8, "PERSON")))]


def test_exact_boundary_counts_as_true_positive():
    report = evaluate(GOLD, _fixed(_mention(EntityType.PERSON, 6, 8)))
    assert report.scores["PERSON"] == TypeScore(tp=1, fp=0, fn=0)
    assert report.scores["ORG"] == TypeScore(tp=0, fp=0, fn=1)


def test_off_by_one_span_is_both_false_positive_and_false_negative():
    report = evaluate(GOLD, _fixed(_mention(EntityType.PERSON, 5, 8), _mention(EntityType.ORG, 0, 3)))
    assert report.scores["PERSON"] == TypeScore(tp=0, fp=1, fn=1)
    assert report.scores["ORG"] == TypeScore(tp=0, fp=1, fn=1)


def test_wrong_type_on_right_span_is_false_positive_of_predicted_type():
    report = evaluate(GOLD, _fixed(_mention(EntityType.ORG, 6, 8)))
    assert report.scores["ORG"] == TypeScore(tp=0, fp=1, fn=1)
    assert report.scores["PERSON"] == TypeScore(tp=0, fp=0, fn=1)


def test_role_mentions_are_scored_as_title():
    report = evaluate(GOLD, _fixed(_mention(EntityType.ROLE, 4, 6)))
    assert report.scores["TITLE"] == TypeScore(tp=1, fp=0, fn=0)


def test_types_the_gold_never_annotates_are_not_scored():
    gold = [GoldText("t", TEXT, (GoldEntity(6, 8, "PERSON"), GoldEntity(0, 3, "OTHER")))]
    predicted = _fixed(_mention(EntityType.PERSON, 6, 8), _mention(EntityType.ROLE, 4, 6),
                       _mention(EntityType.TECH, 0, 2))
    report = evaluate(gold, predicted, types=("PERSON", "ORG", "TITLE"))
    assert set(report.scores) == {"PERSON"}
    assert report.unscored == ("ORG", "TITLE")
    assert report.micro == TypeScore(tp=1, fp=0, fn=0)


def test_duplicate_predictions_count_once():
    report = evaluate(GOLD, _fixed(_mention(EntityType.PERSON, 6, 8), _mention(EntityType.PERSON, 6, 8)))
    assert report.scores["PERSON"] == TypeScore(tp=1, fp=0, fn=0)


def test_unknown_requested_type_is_input_error():
    with pytest.raises(InputError, match="OTHER"):
        evaluate(GOLD, _fixed(), types=("PERSON", "OTHER"))


def test_regex_predictor_scores_and_limit_and_progress():
    gold = GOLD + [GoldText("u", "主任王刚在税务局讲话", (GoldEntity(0, 2, "TITLE"), GoldEntity(2, 4, "PERSON"),
                                                     GoldEntity(5, 8, "ORG")))]
    calls = []
    report = evaluate(gold, _regex_predictor, limit=1, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)] and report.texts == 1 and report.chars == len(TEXT)
    full = evaluate(gold, _regex_predictor)
    assert full.scores["PERSON"] == TypeScore(tp=2, fp=0, fn=0)
    assert full.scores["TITLE"] == TypeScore(tp=2, fp=0, fn=0)
    assert full.scores["ORG"] == TypeScore(tp=1, fp=1, fn=1)  # 税务局 over-extended to 刚在税务局


def test_precision_recall_f1_and_zero_division():
    s = TypeScore(tp=2, fp=2, fn=6)
    assert (s.precision, s.recall, round(s.f1, 4)) == (0.5, 0.25, 0.3333)
    assert (TypeScore().precision, TypeScore().recall, TypeScore().f1) == (0.0, 0.0, 0.0)


def test_report_table_and_json_list_each_type_and_micro():
    report = evaluate(GOLD, _fixed(_mention(EntityType.PERSON, 6, 8), _mention(EntityType.ORG, 0, 3)))
    lines = report.table().splitlines()
    assert [line.split()[0] for line in lines[:5]] == ["type", "PERSON", "ORG", "TITLE", "micro"]
    assert lines[4].split()[1:4] == ["3", "2", "1"]  # gold, predicted, true positives
    data = report.to_json()
    assert data["micro"]["tp"] == 1 and data["types"]["ORG"]["fp"] == 1 and data["texts"] == 1


def test_team_gold_files_load_with_surfaces_matching_offsets():
    files = sorted(GOLD_DIR.glob("*.jsonl"))
    assert files
    texts, entities = 0, 0
    for path in files:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        loaded = load_gold(path)
        assert len(loaded) == len(rows)
        for row in rows:
            for e in row["entities"]:
                assert row["text"][e["start"]:e["end"]] == e["text"]
        texts += len(loaded)
        entities += sum(len(g.entities) for g in loaded)
    assert texts >= 60 and entities >= 250


def test_team_gold_files_are_regenerated_from_their_markup():
    spec = importlib.util.spec_from_file_location("make_gold", GOLD_DIR / "make_gold.py")
    make_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_gold)
    for name, content in make_gold.build().items():
        assert (GOLD_DIR / name).read_text(encoding="utf-8") == content, f"run make_gold.py: {name} is stale"


@pytest.mark.parametrize("folder, script", [("heldout", "make_heldout.py"), ("heldout2", "make_heldout2.py"),
                                           ("heldout3", "make_heldout3.py")])
def test_held_out_gold_files_are_regenerated_from_their_markup(folder: str, script: str):
    heldout = GOLD_DIR.parent / folder
    spec = importlib.util.spec_from_file_location(script[:-3], heldout / script)
    make_heldout = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_heldout)
    for name, content in make_heldout.build().items():
        assert (heldout / name).read_text(encoding="utf-8") == content, f"run {script}: {name} is stale"
