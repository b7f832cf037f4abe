"""Shared fixtures: a small invented two-document corpus and its resolution through the
real pipeline (built once per session: the jieba tokenizer takes a second to load)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Document, Resolution

CORPUS = {
    "annual-meeting.txt": (
        "中原数字产业协会年会在东岳举行。会议由东岳理工大学校长孙明远主持。\n"
        "蓝海科技有限公司首席技术官钱晓峰表示，数字孪生和区块链将深度融合。\n"
        "蓝海科技有限公司、东岳理工大学等成员单位出席。\n"
        "来源：东岳日报\nhttps://news.example.com/2023/annual-meeting.html\n"
    ),
    "lab.md": (
        "# 实验室揭牌\n\n"
        "东岳理工大学智能制造中心数字孪生实验室主任冯立介绍了人工智能平台。\n"
        "钱晓峰先生出席并致辞。\n"
    ),
}


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus_documents(corpus_dir: Path) -> list[Document]:
    from kg.ingest import read_inputs

    return read_inputs([corpus_dir])


@pytest.fixture(scope="session")
def corpus_resolution(corpus_documents: list[Document]) -> Resolution:
    from kg.extract.pipeline import analyse
    from kg.resolve import resolve

    return resolve([analyse(d) for d in corpus_documents])
