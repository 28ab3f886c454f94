"""Writes a customer-like CSV for the bulk screening benchmark, and a
manifest of what was planted in it.

Columns: customer_id, full_name, kind, country, date_of_birth, address.
Most names are made up, in Latin (with and without accents), Cyrillic,
Greek, Arabic, Chinese and Korean script, for people and companies. About
2% are listed names (from the imported lists and the registry) as written,
reordered, lower-cased or with one letter dropped; about 0.1% of rows are
malformed: an extra field, a name that is not UTF-8, or an empty name. Some
addresses are quoted with commas and line breaks in them.

The manifest (TSV: row number, category, listed id) names every planted
row, so the checker can tell what must be found and what must be an error.

Usage: customers.py DATA_DIR OUT.csv MANIFEST.tsv [ROWS]
"""
import csv
import glob
import json
import os
import random
import sys

GIVEN_LATIN = ["Anna", "Boris", "Carlos", "David", "Elena", "Farid", "Grace", "Hiroshi", "Ivan",
               "Julia", "Kwame", "Lucía", "Mohammed", "Nadia", "Oliver", "Priya", "Quentin",
               "Rosa", "Sergio", "Tomás", "Zofia", "Łukasz", "Søren", "Ayşe", "Nguyễn Văn",
               "François", "Jürgen", "Ines", "Marta", "Pedro", "Yusuf", "Amara", "Chinedu"]
FAMILY_LATIN = ["Anderson", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fischer", "García",
                "Hansen", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Olsen",
                "Petersen", "Müller", "Wiśniewski", "Yılmaz", "Trần", "Okafor", "Silva",
                "Fernández", "Rossi", "Nowak", "Schmidt", "Martin", "Takahashi", "Kim", "Singh"]
GIVEN_CYRILLIC = ["Иван", "Мария", "Алексей", "Ольга", "Дмитрий", "Наталья", "Сергей", "Анна"]
FAMILY_CYRILLIC = ["Смирнов", "Кузнецова", "Попов", "Васильева", "Соколов", "Морозова", "Лебедев"]
GIVEN_GREEK = ["Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Δημήτρης"]
FAMILY_GREEK = ["Παπαδόπουλος", "Νικολάου", "Γεωργίου", "Οικονόμου"]
GIVEN_ARABIC = ["محمد", "فاطمة", "أحمد", "مريم", "يوسف", "ليلى"]
FAMILY_ARABIC = ["العلي", "حسن", "الخطيب", "منصور", "الحداد"]
SURNAME_HAN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN_HAN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"
SURNAME_HANGUL = ["김", "이", "박", "최", "정", "강", "조", "윤"]
GIVEN_HANGUL = ["민준", "서연", "지훈", "하은", "도윤", "수빈", "예준", "지아"]
COMPANY_WORDS = ["Harbor", "Summit", "Granite", "Meadow", "Pioneer", "Cedar", "Lumen", "Vertex",
                 "Nordic", "Atlas", "Blue River", "Golden Gate", "Silverline", "Orchid", "Delta"]
COMPANY_FORMS = ["Trading LLC", "Holdings Ltd", "Logistics GmbH", "Shipping Co", "Group SA",
                 "S.A. de C.V.", "Sp. z o.o.", "AB", "Pte. Ltd.", "OOO"]
COMPANY_HAN = ["贸易有限公司", "科技有限公司", "物流有限公司", "进出口有限公司"]
PLACE_HAN = ["上海", "深圳", "宁波", "广州", "天津", "厦门"]
COMPANY_CYRILLIC = ["ООО «Северный путь»", "АО «Техноимпорт»", "ООО «Балтика Логистик»"]
COUNTRIES = ["US", "GB", "DE", "FR", "ES", "PL", "TR", "VN", "NG", "BR", "IN", "JP", "KR", "CN",
             "RU", "GR", "AE", "EG", "Germany", "France", "", ""]
STREETS = ["Main St", "High Street", "Rue de la Paix", "Hauptstraße", "Calle Mayor", "Nanjing Rd"]


def made_up(rng: random.Random) -> tuple[str, str]:
    """A made-up name and its kind."""
    pick = rng.random()
    if pick < 0.40:
        return f"{rng.choice(GIVEN_LATIN)} {rng.choice(FAMILY_LATIN)}", "person"
    if pick < 0.50:
        return f"{rng.choice(GIVEN_CYRILLIC)} {rng.choice(FAMILY_CYRILLIC)}", "person"
    if pick < 0.55:
        return f"{rng.choice(GIVEN_GREEK)} {rng.choice(FAMILY_GREEK)}", "person"
    if pick < 0.62:
        return f"{rng.choice(GIVEN_ARABIC)} {rng.choice(FAMILY_ARABIC)}", "person"
    if pick < 0.72:
        given = "".join(rng.choice(GIVEN_HAN) for _ in range(rng.randint(1, 2)))
        return rng.choice(SURNAME_HAN) + given, "person"
    if pick < 0.76:
        return rng.choice(SURNAME_HANGUL) + rng.choice(GIVEN_HANGUL), "person"
    if pick < 0.92:
        words = " ".join(rng.sample(COMPANY_WORDS, rng.randint(1, 2)))
        return f"{words} {rng.choice(COMPANY_FORMS)}", "organization"
    if pick < 0.97:
        return rng.choice(PLACE_HAN) + rng.choice(SURNAME_HAN) + rng.choice(GIVEN_HAN) + rng.choice(COMPANY_HAN), "organization"
    return rng.choice(COMPANY_CYRILLIC), "organization"


def listed_names(data_dir: str) -> list[tuple[str, str, str]]:
    """(id, name, kind) of every listed entity: lists and registry."""
    names = []
    for path in sorted(glob.glob(os.path.join(data_dir, "lists", "*.json"))):
        with open(path, encoding="utf-8") as f:
            for entry in json.load(f)["entries"]:
                names.append((entry["id"], entry["name"], entry.get("kind", "")))
    with open(os.path.join(data_dir, "registry.json"), encoding="utf-8") as f:
        for designation in json.load(f)["designations"]:
            names.append((designation["id"], designation["name"], designation.get("kind", "")))
    return names


def read_manifest(path: str) -> dict[int, tuple[str, str]]:
    """Row number -> (category, listed id) of every planted row."""
    planted = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            row, category, listed_id = line.rstrip("\n").split("\t")
            planted[int(row)] = (category, listed_id)
    return planted


def variant(rng: random.Random, name: str) -> tuple[str, str]:
    """A listed name as a customer file might hold it, and how it was changed."""
    pick = rng.random()
    if pick < 0.4:
        return name, "listed_exact"
    if pick < 0.6 and ", " in name:
        last, first = name.split(", ", 1)
        return f"{first} {last}", "listed_reordered"
    if pick < 0.8:
        return name.lower().title(), "listed_recased"
    if len(name) > 8:
        at = rng.randrange(1, len(name) - 1)
        return name[:at] + name[at + 1:], "listed_typo"
    return name, "listed_exact"


def address(rng: random.Random) -> str:
    street = f"{rng.randint(1, 999)} {rng.choice(STREETS)}"
    if rng.random() < 0.05:
        return f"{street}\nFloor {rng.randint(1, 30)}, Unit {rng.randint(1, 99)}"
    if rng.random() < 0.3:
        return f"{street}, Suite {rng.randint(1, 500)}"
    return street


def main() -> None:
    data_dir, out_path, manifest_path = sys.argv[1:4]
    rows = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
    rng = random.Random(20261123)
    listed = listed_names(data_dir)
    with open(out_path, "wb") as raw, open(manifest_path, "w", encoding="utf-8") as manifest:
        manifest.write("row\tcategory\tlisted_id\n")
        text = _Lines()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(["customer_id", "full_name", "kind", "country", "date_of_birth", "address"])
        raw.write(text.take())
        for row in range(1, rows + 1):
            pick = rng.random()
            dob = f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
            fields = None
            if pick < 0.02:
                listed_id, name, kind = rng.choice(listed)
                name, category = variant(rng, name)
                manifest.write(f"{row}\t{category}\t{listed_id}\n")
                fields = [f"C{row:07}", name, kind, rng.choice(COUNTRIES), dob, address(rng)]
            elif pick < 0.0205:
                manifest.write(f"{row}\terror_field_count\t\n")
                name, kind = made_up(rng)
                fields = [f"C{row:07}", name, kind, rng.choice(COUNTRIES), dob, address(rng), "extra"]
            elif pick < 0.021:
                manifest.write(f"{row}\terror_empty_name\t\n")
                fields = [f"C{row:07}", "", "person", rng.choice(COUNTRIES), dob, address(rng)]
            elif pick < 0.0215:
                manifest.write(f"{row}\terror_not_utf8\t\n")
                writer.writerow([f"C{row:07}", "Jos\udce9 Mart\udcednez", "person", "ES", dob, address(rng)])
                raw.write(text.take(errors="surrogateescape"))
                continue
            else:
                name, kind = made_up(rng)
                fields = [f"C{row:07}", name, kind, rng.choice(COUNTRIES), dob, address(rng)]
            writer.writerow(fields)
            raw.write(text.take())


class _Lines:
    """A file-like buffer the csv writer writes into, emptied per row."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self, errors: str = "strict") -> bytes:
        out = "".join(self.parts).encode("utf-8", errors=errors)
        self.parts.clear()
        return out


if __name__ == "__main__":
    main()
