"""Records which cron expressions croniter 1.4.1 (the version dbt-jobs-as-code's lock file pins) takes, for
test/fixtures/jobs-as-code/cron.json: hand-picked cases, then random ones from a fixed seed. The tests compare our
validator with these verdicts without needing Python. Run: python3 scripts/cron-expectations.py (croniter==1.4.1)."""
import json
import pathlib
import random

from croniter import croniter

picked = [
    "0 4 * * *", "*/15 * * * *", "0 9-17 * * mon-fri", "30 2 1 jan,jul *", "0 0 L * *", "0 0 * * 1#2", "0 0 * * l5",
    "0 4 * * 7", "0 4 * * 0-7/2", "0 4 * * 5-0", "0 4 * * * 30", " 0  4 * * * ", "@daily", "@HOURLY", "@weekly",
    "@monthly", "@yearly", "@annually", "@midnight", "0 0 31 2 *", "0 4 * *", "0 4 * * * * *", "61 4 * * *",
    "0 24 * * *", "0 4 0 * *", "0 4 * 13 *", "0 4 * * 8", "*/0 * * * *", "every day at 4", "", "0 4 1W * *",
    "0 4 ? * *", "0 4 * * 5L", "H 4 * * *", "0 0 * * * 2030", "-1 4 * * *", "0 4 * * mon#6", "0 4 * * 1#2,3",
    "0 4 l-5 * *", "0 4 * FEB-JAN *", "0 4 * * sun-sat", "0 4 1-31/10 * *", "5/15 * * * *", "0 4 * jan-dec/3 *",
]

atoms = ["*", "0", "1", "5", "7", "8", "12", "13", "23", "24", "30", "31", "32", "59", "60", "61", "l", "L", "mon",
         "FRI", "sun", "jan", "DEC", "foo", "?", "W", "1W", "-1", ""]
good = [
    ["*", "0", "5", "30", "59", "*/5", "0-30/10", "15,45", "5/15"],
    ["*", "0", "12", "23", "*/2", "9-17", "1,13"],
    ["*", "1", "15", "31", "l", "1-15", "*/7", "10/5", "0"],
    ["*", "1", "6", "12", "jan", "JUN-AUG", "*/3", "1-12/2", "0"],
    ["*", "0", "1", "5", "6", "7", "mon-fri", "SUN", "1#2", "fri#5", "l5", "mon#1,wed#2", "sat-sun", "5-0", "0-7/2"],
    ["0", "30", "*/10", "59"],
]


def item(rng):
    k = rng.random()
    a = rng.choice(atoms)
    if k < 0.4:
        return a
    if k < 0.6:
        return a + "-" + rng.choice(atoms)
    if k < 0.75:
        return a + "/" + rng.choice(["0", "1", "2", "5", "15", "x"])
    if k < 0.85:
        return a + "-" + rng.choice(atoms) + "/" + rng.choice(["0", "2", "10"])
    if k < 0.95:
        return rng.choice(["1", "2", "mon", "fri", "7", "x"]) + "#" + rng.choice(["0", "1", "3", "5", "6"])
    return "l" + rng.choice(["1", "5", "7"])


def field(rng, i):
    if rng.random() < 0.85:
        return ",".join(rng.choice(good[min(i, 5)]) for _ in range(rng.choice([1, 1, 1, 2])))
    return ",".join(item(rng) for _ in range(rng.choice([1, 1, 1, 2, 3])))


rng = random.Random(20261207)
expressions = picked + [
    " ".join(field(rng, i) for i in range(rng.choice([5, 5, 5, 5, 6, 4, 7]))) for _ in range(600)
]
cases = [{"cron": expression, "valid": croniter.is_valid(expression)} for expression in dict.fromkeys(expressions)]
path = pathlib.Path(__file__).parent.parent / "test" / "fixtures" / "jobs-as-code" / "cron.json"
document = {
    "about": "Cron expressions and whether croniter takes them (croniter.is_valid), recorded by scripts/cron-expectations.py.",
    "recordedWith": "croniter 1.4.1",
    "cases": cases,
}
path.write_text(json.dumps(document, indent=2) + "\n")
