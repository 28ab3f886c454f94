"""Writes the names the HTTP load benchmark screens, one per line,
percent-encoded for a query string: listed names as written, reordered
('LAST, First' -> 'First Last') and with one letter dropped, and made-up
names that should not match. Usage: http_names.py SDN.csv OUT.txt [COUNT]"""
import csv
import random
import sys
import urllib.parse

GIVEN = ["Anna", "Boris", "Chen", "David", "Elena", "Farid", "Grace", "Hiroshi", "Ivan", "Julia",
         "Kwame", "Lucia", "Mohammed", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Sergio", "Tomas"]
FAMILY = ["Anderson", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen",
          "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Olsen", "Petersen"]
COMPANY = ["Harbor", "Summit", "Granite", "Meadow", "Pioneer", "Cedar", "Lumen", "Vertex"]
FORMS = ["Trading LLC", "Holdings Ltd", "Logistics GmbH", "Shipping Co", "Group SA"]


def main() -> None:
    sdn_path, out_path = sys.argv[1:3]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    rng = random.Random(20261123)
    with open(sdn_path, encoding="utf-8", errors="replace", newline="") as f:
        names = [row[1] for row in csv.reader(f) if len(row) > 1 and row[1] and row[1] != "-0-"]
    queries = []
    while len(queries) < count:
        name = rng.choice(names)
        pick = rng.random()
        if pick < 0.3:
            queries.append(name)
        elif pick < 0.55 and ", " in name:
            last, first = name.split(", ", 1)
            queries.append(f"{first} {last}")
        elif pick < 0.75 and len(name) > 6:
            at = rng.randrange(1, len(name) - 1)
            queries.append(name[:at] + name[at + 1:])
        elif pick < 0.9:
            queries.append(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}")
        else:
            queries.append(f"{rng.choice(COMPANY)} {rng.choice(COMPANY)} {rng.choice(FORMS)}")
    with open(out_path, "w", encoding="utf-8") as f:
        for query in queries:
            f.write(urllib.parse.quote(query, safe="") + "\n")


if __name__ == "__main__":
    main()
