"""Records what Jinja2 (as dbt-jobs-as-code configures it: StrictUndefined, default delimiters and whitespace) renders
for each case of test/fixtures/jinja/cases.json, so the renderer's tests compare against Jinja2 itself without needing
Python at test time. Run: python3 scripts/jinja-expectations.py (needs the jinja2 package)."""
import json
import pathlib

import jinja2

path = pathlib.Path(__file__).parent.parent / "test" / "fixtures" / "jinja" / "cases.json"
document = json.loads(path.read_text())
environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
for case in document["cases"]:
    try:
        case["jinja2"] = {"output": environment.from_string(case["template"]).render(case.get("vars", {}))}
    except Exception as error:  # every failure is an expected answer: the test only checks that ours fails too
        case["jinja2"] = {"error": f"{type(error).__name__}: {error}"}
document["recordedWith"] = f"Jinja2 {jinja2.__version__}"
path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
