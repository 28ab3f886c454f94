"""Writes a customer-like CSV for the bulk screening benchmark, and a
manifest of what was planted in it.

Columns: customer_id, full_name, kind, country, date_of_birth, address.
Most names are made up, in Latin (with and without accents), Cyrillic,
Greek, Arabic, Chinese and Korean script, for people and companies. About
2% are listed names (from the imported lists and the registry) as written,
reordered, lower-cased or with one letter dropped; about 0.1% of rows are
malformed: an extra field, a name that is not UTF-8, or an empty name. The
pools are small, so some made-up names are real ones: a made-up name whose
every word (as written or as usually romanized) stands for another word of
one listed name, equal or (for one word at most) one edit away, is marked
`made_up_listed_name` when it also covers every word of that name (`أحمد حسن`, AHMAD, Hasan) and
`made_up_part_of_listed_name` otherwise (`Анна Кузнецова`, KUZNETSOVA, Anna
Yurievna: a listed person's given name and surname); the legal forms of
made-up companies (`Ltd`, `GmbH`, not `Holdings`) are left out. Some
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
import unicodedata

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
LEGAL_FORM_WORDS = {"llc", "ltd", "gmbh", "co", "sa", "de", "c", "v", "sp", "z", "o", "ab", "pte", "ooo"}
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


# How each pool word of another script is usually written in Latin letters
# (the generator's own vocabulary), to tell a made-up name that happens to
# be a listed person's name from one that is not.
ROMANIZED = {
    "Иван": "ivan", "Мария": "maria mariya", "Алексей": "aleksei aleksey alexei alexey",
    "Ольга": "olga", "Дмитрий": "dmitri dmitriy dmitry dimitri", "Наталья": "natalia natalya",
    "Сергей": "sergei sergey", "Анна": "anna", "Смирнов": "smirnov", "Кузнецова": "kuznetsova",
    "Попов": "popov", "Васильева": "vasilyeva vasileva vasilieva", "Соколов": "sokolov",
    "Морозова": "morozova", "Лебедев": "lebedev",
    "Γιώργος": "giorgos georgios yiorgos", "Μαρία": "maria", "Νίκος": "nikos nicos",
    "Ελένη": "eleni", "Δημήτρης": "dimitris demetris", "Παπαδόπουλος": "papadopoulos",
    "Νικολάου": "nikolaou nicolaou", "Γεωργίου": "georgiou", "Οικονόμου": "oikonomou economou",
    "محمد": "muhammad mohammed mohamed mohammad", "فاطمة": "fatima fatma fatimah",
    "أحمد": "ahmad ahmed", "مريم": "maryam mariam", "يوسف": "yusuf yousef youssef yousif",
    "ليلى": "layla leila laila", "العلي": "ali", "حسن": "hasan hassan", "الخطيب": "khatib",
    "منصور": "mansour mansur", "الحداد": "haddad",
    "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang",
    "赵": "zhao", "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu",
    "胡": "hu", "郭": "guo", "何": "he", "林": "lin", "罗": "luo", "高": "gao", "伟": "wei",
    "芳": "fang", "娜": "na", "敏": "min", "静": "jing", "丽": "li", "强": "qiang", "磊": "lei",
    "军": "jun", "洋": "yang", "勇": "yong", "艳": "yan", "杰": "jie", "娟": "juan", "涛": "tao",
    "明": "ming", "超": "chao", "秀": "xiu", "霞": "xia", "平": "ping", "刚": "gang", "桂": "gui",
    "英": "ying", "华": "hua", "建": "jian", "国": "guo",
    "김": "kim", "이": "lee yi ri", "박": "park pak bak", "최": "choi choe", "정": "jung jeong jong",
    "강": "kang", "조": "cho jo", "윤": "yoon yun", "민준": "minjun", "서연": "seoyeon", "지훈": "jihoon jihun",
    "하은": "haeun", "도윤": "doyoon doyun", "수빈": "subin soobin", "예준": "yejun", "지아": "jia",
}


def _plain(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in folded if c.isalnum() and c.isascii())


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))} if len(word) >= 4 else {word}


def _near(a: str, b: str) -> bool:
    return len(a) >= 4 and len(b) >= 4 and bool(_deletions(a) & _deletions(b))


def _pair_words(parts: list[set[str]], listed: set[str]) -> set[str] | None:
    """The listed words the made-up words stand for, each for another one,
    with at most one of them a letter off; None when they do not all fit."""
    used: set[str] = set()
    slips = 0
    for variants in sorted(parts, key=lambda v: not (v & listed)):
        exact = sorted((variants & listed) - used)
        if exact:
            used.add(exact[0])
            continue
        near = sorted(w for w in listed - used if any(_near(v, w) for v in variants))
        if not near or slips:
            return None
        slips += 1
        used.add(near[0])
    return used


class NearListed:
    """Tells whether a made-up name is in fact (nearly) a listed name or part
    of one: each of its words, as written or as usually romanized, equal to
    another word of one listed name, or one edit away for one word
    (`Анна Кузнецова` for KUZNETSOVA, Anna Yurievna). Such rows are real coincidences, which a
    screener may rightly report; the checker counts them apart."""

    def __init__(self, entries: list[dict]) -> None:
        self.names: list[set[str]] = []
        self.by_key: dict[str, set[int]] = {}
        for entry in entries:
            for name in [entry["name"], *entry.get("aliases", [])]:
                words = {_plain(w) for w in name.replace("-", " ").replace(",", " ").split()}
                words = {w for w in words if w and w not in ("al", "el")}
                for word in words:
                    for key in _deletions(word):
                        self.by_key.setdefault(key, set()).add(len(self.names))
                self.names.append(words)
        self.known: dict[str, str] = {}

    def _word_variants(self, name: str) -> list[set[str]]:
        variants = []
        # The legal forms of the generator's companies say nothing of the
        # name; their business words (Holdings, Trading) do.
        for word in name.replace(".", " ").split():
            if word.casefold() in LEGAL_FORM_WORDS:
                continue
            if word in ROMANIZED:
                variants.append(set(ROMANIZED[word].split()))
            elif all(c in ROMANIZED for c in word):  # Chinese characters
                variants.append({"".join(ROMANIZED[c] for c in word)} | {ROMANIZED[c] for c in word})
            else:
                variants.append({_plain(word)})
        return variants

    def kind(self, name: str) -> str:
        """`listed_name` when the made-up name is (nearly) a whole listed name,
        `part_of_listed_name` when it is some of the words of one (a given
        name and surname of a longer name), else empty."""
        if name in self.known:
            return self.known[name]
        if all(c in ROMANIZED for c in name) and len(name) <= 3:  # a Chinese person's name
            parts = [{ROMANIZED[name[0]]}, {"".join(ROMANIZED[c] for c in name[1:])} | {ROMANIZED[c] for c in name[1:]}]
        elif len(name) >= 2 and name[0] in ROMANIZED and name[1:] in ROMANIZED and "\uac00" <= name[0] <= "\ud7a3":
            parts = [set(ROMANIZED[name[0]].split()), set(ROMANIZED[name[1:]].split())]
        else:
            parts = self._word_variants(name)
        shared: set[int] | None = None
        for variants in parts:
            near: set[int] = set()
            for variant in variants:
                for key in _deletions(variant):
                    near |= self.by_key.get(key, set())
            shared = near if shared is None else shared & near
            if not shared:
                break
        found = ""
        for index in shared or ():
            listed = self.names[index]
            pairing = _pair_words(parts, listed)
            if pairing is None:
                continue
            if len(pairing) == len(listed):
                found = "listed_name"
                break
            found = "part_of_listed_name"
        self.known[name] = found
        return found


def list_entries(data_dir: str) -> list[dict]:
    """The entries of every list imported into `data_dir`."""
    entries = []
    for path in sorted(glob.glob(os.path.join(data_dir, "lists", "*.json"))):
        with open(path, encoding="utf-8") as f:
            entries.extend(json.load(f)["entries"])
    return entries


def listed_names(data_dir: str, entries: list[dict] | None = None) -> list[tuple[str, str, str]]:
    """(id, name, kind) of every listed entity: lists (`entries` when they
    are already read) and registry."""
    if entries is None:
        entries = list_entries(data_dir)
    names = [(entry["id"], entry["name"], entry.get("kind", "")) for entry in entries]
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
    entries = list_entries(data_dir)
    listed = listed_names(data_dir, entries)
    near_listed = NearListed(entries)
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
                coincidence = near_listed.kind(name)
                if coincidence:
                    manifest.write(f"{row}\tmade_up_{coincidence}\t\n")
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
