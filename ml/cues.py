"""Cue words of the misconduct categories (docs/taxonomy.md section 3), diacritics-free and lowercase.

`CATEGORY_CUES` are the words the keyword baseline (`ml.baselines.KeywordRouter`) counts per
category: the acts an officer is blamed for (`CATEGORY_ACTS`: "gay kho de", "dun day") and words
that only make a category likely (`CATEGORY_CONTEXT`: an amount, "giay to", "nguoi quen", or a
word that is also an ordinary word without diacritics: "quat" is both quát and quạt).
`ml.accused` takes the acts as misconduct predicates: who did them is what it decides.
"""

from __future__ import annotations

CATEGORY_ACTS: dict[str, list[str]] = {
    "doi-tien": [
        "doi tien",
        "boi duong",
        "boi tron",
        "tien ca phe",
        "tien cafe",
        "phong bi",
        "phi ngoai",
        "lot tay",
        "tien lam nhanh",
        "thu them",
    ],
    "sach-nhieu": ["gay kho de", "hach sach", "nhung nhieu", "sach nhieu", "lam kho", "hanh dan", "bat be", "bat loi"],
    "cham-tre": ["tre hen", "ngam ho so", "cham tre", "hen lan hen lua", "cam chung"],
    "thai-do": [
        "hach dich",
        "khong them tra loi",
        "choi dien thoai",
        "cau gat",
        "xung tao",
        "mat day",
        "noi trong",
        "lom bom",
        "ngu gat",
        "quat thao",
    ],
    "sai-quy-trinh": ["sai quy dinh", "khong huong dan", "bat phai co", "khong dung quy dinh"],
    "ne-tranh": ["dun day", "khong tiep nhan", "len cho khac", "ne tranh", "day sang", "tu choi nhan", "khong nhan"],
    "loi-dung": ["uu ai", "loi dung", "bao che"],
    "khac": ["cho toi hoi", "xin hoi", "hoi ve", "de nghi sua", "ho tro"],
}

CATEGORY_CONTEXT: dict[str, list[str]] = {
    "doi-tien": ["trieu", "nghin", "chi phi", "bien lai", "qua cap"],
    "sach-nhieu": ["kho de", "tra ve", "lan nao cung"],
    "cham-tre": ["qua han", "van chua", "chua co", "cho mai", "hen mai", "lau qua", "thang roi"],
    "thai-do": ["quat", "thai do", "chui", "an sang"],
    "sai-quy-trinh": ["nop them", "giay to", "yeu cau them", "quy dinh dau", "ban sao", "photo", "dung quy trinh"],
    "ne-tranh": ["khong phai viec", "khong thuoc", "hoi ben"],
    "loi-dung": ["nguoi quen", "qua co", "nguoi nha", "chuc vu", "co dat", "dich vu", "vo", "em ho", "quan he"],
    "khac": [],
}

CATEGORY_CUES: dict[str, list[str]] = {c: CATEGORY_ACTS[c] + CATEGORY_CONTEXT[c] for c in CATEGORY_ACTS}
