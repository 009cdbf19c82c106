"""`campaign/plan.yml`, `campaign/agencies.yml` and `campaign/policy_groups.yml`: the communication plan,
the agencies it names and the groups of policies (a leaflet each)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .schema import Key, Strict, Text, Translation


class Agency(Strict):
    key: Key
    name: Text
    short: Text


def _a_question(value: str) -> str:
    """A leaflet's cover asks the reader's question: a statement there reads as a promise."""
    if not value.rstrip().endswith("?"):
        raise ValueError(f"“{value}” phải là một câu hỏi, kết thúc bằng dấu chấm hỏi (?)")
    return value


# A reader's question, short enough for a leaflet's cover (A5: two lines under the title).
Question = Annotated[str, Field(min_length=1, max_length=90), AfterValidator(_a_question)]


class PolicyGroup(Strict):
    key: Key
    title: Text
    # The question of the group's leaflet cover; without one (a translation nobody has written it in),
    # the cover asks the home page's question in the leaflet's language (printing.wording.cover_question).
    question: Question | None = None


class PlanTask(Strict):
    agency: Key
    requested: bool = False  # "đề nghị": the plan asks a body it cannot instruct
    note: str | None = None
    items: list[Text]

    def item_keys(self) -> list[str]:
        """The key of each item, as activities name the task they fulfil: agency and number, "so-tttt-2"
        (a signed plan's items do not move, and the key needs no word beyond the plan's)."""
        return [f"{self.agency}-{number}" for number in range(1, len(self.items) + 1)]


ActivityOutput = Literal["articles", "broadcasts", "minutes", "copies"]


class PlanActivityForm(Strict):
    """A form of activity the plan names (III.2): what an activity record says it carried out."""

    key: Key
    form: Annotated[int, Field(ge=1)]  # the paragraph of `forms` (from 1) whose words name it
    name: Text  # the plan's own words, found in that paragraph
    short: Annotated[str, Field(min_length=1, max_length=31, pattern=r"^[^:\\/?*\[\]]+$")]  # a sheet's name
    outputs: list[ActivityOutput] = []  # what it produces beside the people reached


class PlanAudiences(Strict):
    general: Text
    priority: list[Text]


class PlanSigner(Strict):
    position: Text
    name: Text


class PlanReporting(Strict):
    text: Text
    frequency: Text
    channel: Key
    recipients: list[Key]


class PlanCitation(Strict):
    text: Text
    doc: Key | None = None
    note: str | None = None


class Plan(Strict):
    """The communication plan, as structured data (campaign/plan.yml)."""

    translation: Translation | None = None
    title: Text
    number: str | None = None
    number_note: str | None = None
    context: Text  # what the plan belonged to and what carries the work on now, for today's reader
    date_text: Text
    issuer: Key
    signer: PlanSigner
    implements: list[Key] = []
    cites: list[PlanCitation] = []
    purpose: Text
    requirements: list[Text]
    audiences: PlanAudiences
    scope: Text
    period: Text
    content: list[Text]
    forms: list[Text]
    activity_forms: list[PlanActivityForm] = []  # the reference plan's (activities are reported in it)
    funding: Text
    tasks: list[PlanTask]
    reporting: PlanReporting
    recipients: list[Text]

    @model_validator(mode="after")
    def _activity_forms_in_the_plans_words(self) -> Plan:
        keys = [form.key for form in self.activity_forms]
        if len(set(keys)) != len(keys):
            raise ValueError("activity_forms có khóa (key) ghi hai lần")
        for form in self.activity_forms:
            paragraph = self.forms[form.form - 1] if form.form <= len(self.forms) else ""
            if form.name.casefold() not in paragraph.casefold():
                raise ValueError(f"“{form.name}” không phải lời của đoạn hình thức số {form.form} trong Kế hoạch")
        return self

    def task_items(self) -> dict[str, tuple[PlanTask, int, str]]:
        """{task key: (task, number from 1, the item's words)} of every item of every task."""
        return {
            key: (task, number, text)
            for task in self.tasks
            for number, (key, text) in enumerate(zip(task.item_keys(), task.items, strict=True), 1)
        }


class AgenciesFile(Strict):
    translation: Translation | None = None
    agencies: list[Agency]


class PolicyGroupsFile(Strict):
    translation: Translation | None = None
    policy_groups: list[PolicyGroup]
