"""The registry is read again between `mkdocs serve` rebuilds only when it changed (entities.py)."""

from __future__ import annotations

import os

from generator.site.entities import RegistryReader

PEOPLE = "- name: Fumio Kishida\n  role: Prime Minister of Japan\n  aliases:\n    - Kishida Fumio\n"


def test_an_unchanged_registry_is_not_read_again_and_a_changed_one_is(tmp_path):
    registry = tmp_path / "registry"
    registry.mkdir()
    (registry / "people.yml").write_text(PEOPLE, encoding="utf-8")
    reader = RegistryReader()
    first = reader.lookup(registry)
    assert first.find("people", "Kishida Fumio").name == "Fumio Kishida"
    assert reader.lookup(registry) is first

    (registry / "people.yml").write_text(PEOPLE.replace("Prime Minister of Japan", "Former PM"), encoding="utf-8")
    os.utime(registry / "people.yml", ns=(1, 1))  # even with an old time: the size changed
    second = reader.lookup(registry)
    assert second is not first and second.find("people", "Fumio Kishida").role == "Former PM"

    (registry / "places.yml").write_text("- name: Tokyo\n", encoding="utf-8")  # a new file
    third = reader.lookup(registry)
    assert third is not second and third.find("places", "Tokyo").registered

    (registry / "places.yml").unlink()
    assert not reader.lookup(registry).find("places", "Tokyo").registered


def test_a_missing_registry_gives_bare_entries(tmp_path):
    reader = RegistryReader()
    info = reader.lookup(tmp_path / "registry").find("people", "Ana Lima")
    assert (info.name, info.slug, info.registered) == ("Ana Lima", "ana-lima", False)
    (tmp_path / "registry").mkdir()
    (tmp_path / "registry" / "people.yml").write_text("- name: Ana Lima\n  role: Mayor\n", encoding="utf-8")
    assert reader.lookup(tmp_path / "registry").find("people", "Ana Lima").role == "Mayor"


def test_a_registry_edit_between_two_builds_of_one_plugin_reaches_the_page(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from conftest import write_project

    project = write_project(tmp_path)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)  # the same plugin object builds twice, as under `mkdocs serve`
    page = tmp_path / "site" / "people" / "fumio-kishida" / "index.html"
    assert "Prime Minister of Japan (2021–2024)" in page.read_text(encoding="utf-8")
    people = project / "registry" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("Prime Minister of Japan (2021–2024)",
                                                                 "Former Prime Minister"), encoding="utf-8")
    build(config)
    text = page.read_text(encoding="utf-8")
    assert "Former Prime Minister" in text and "(2021–2024)" not in text
