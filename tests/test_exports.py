"""The publishing systems' own exports as inputs: XML of eDoc, SBSYS, Acadre and AgendaWeb, Word, ZIP.

Each export below is small and invented, in the structure of the real system's
file: the readers must hand its stated structure forward on the lines (item
number, case number, status, field captions, attachments) and the pipeline must
turn it into the same fields a printed version gives.
"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from helpers import FIXTURES, built_by, schema_errors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from minutes_cli import document_to_dict, extract_bytes
from minutes_cli.errors import UnreadableDocument, UnsupportedFormat
from minutes_cli.model import Line, Meeting
from minutes_cli.readers import archive, detect_format, read
from minutes_cli.readers.html_reader import html_fragment_lines
from minutes_cli.readers.xml_reader import detect_xml_kind
from minutes_cli.readers.xml_support import parse_xml

# --- invented exports, one per system --------------------------------------------------------------

EDOC = """<?xml version="1.0"?>
<Meeting>
  <Committee>Teknik- og Miljøudvalget</Committee>
  <MeetingDate>07-03-2019 16:00:00</MeetingDate>
  <MeetingState>Referat endeligt godkendt</MeetingState>
  <MeetingAgendaTypes>
    <MeetingAgendaType>
      <AgendaType>Åben dagsorden</AgendaType>
      <MeetingAgendaItems>
        <MeetingAgendaItem>
          <AgendaItemNumber>2</AgendaItemNumber>
          <Document documentid="1"><Title>Renovering af Østervej</Title>
            <Attachments><Attachment><Title>Tegning af Østervej (arkiveret titel)</Title></Attachment></Attachments>
          </Document>
          <FullText>&#xC;2.&#9;Renovering af Østervej

Sagsnr.: 2019-1234

Sagsfremstilling
Vejen renoveres for 2.500.000 kr.

Bilag
2019-5555 - Tegning af Østervej

Indstilling
Center for Miljø indstiller, at

A)
Renoveringen godkendes.

Teknik- og Miljøudvalgets beslutning den 07.03.2019 Punkt 2
Indstillingen godkendt
</FullText>
        </MeetingAgendaItem>
        <MeetingAgendaItem>
          <AgendaItemNumber>1</AgendaItemNumber>
          <Document documentid="2"><Title>Meddelelser</Title>
            <Attachments><Attachment><Title>Referat fra vejforum</Title></Attachment></Attachments>
          </Document>
          <FullText>1.&#9;Meddelelser

Sagsnr.: 2019-1000

Teknik- og Miljøudvalgets beslutning den 07.03.2019 Punkt 1
Taget til efterretning
</FullText>
        </MeetingAgendaItem>
      </MeetingAgendaItems>
    </MeetingAgendaType>
    <MeetingAgendaType>
      <AgendaType>Lukket dagsorden</AgendaType>
      <MeetingAgendaItems>
        <MeetingAgendaItem>
          <AgendaItemNumber>3</AgendaItemNumber>
          <Document documentid="3"><Title>Køb af ejendom</Title></Document>
          <FullText>3.&#9;Køb af ejendom

Sagsnr.: 2019-21345
</FullText>
        </MeetingAgendaItem>
      </MeetingAgendaItems>
    </MeetingAgendaType>
  </MeetingAgendaTypes>
</Meeting>
"""

SBSYS = """\ufeff<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Publication>
  <PublicationTypeAsEnum><![CDATA[Final]]></PublicationTypeAsEnum>
  <Agendas>
    <Agenda ID="7">
      <Meeting ID="3">
        <Members>
          <MeetingMember ID="1"><Name><![CDATA[Anne Holm (A)]]></Name></MeetingMember>
          <MeetingMember ID="2"><Name><![CDATA[Bo Vest (V)]]></Name></MeetingMember>
        </Members>
        <When><![CDATA[12-06-2014 15:30:00]]></When>
        <Where><![CDATA[Mødelokale 2, Rådhuset]]></Where>
      </Meeting>
      <Name><![CDATA[Kultur- og Fritidsudvalget]]></Name>
      <Committee ID="4"><Name><![CDATA[Kultur- og Fritidsudvalget]]></Name></Committee>
      <Items>
        <Item ID="10">
          <Caption><![CDATA[Tilskud til spejderhytte]]></Caption>
          <Case ID="5"><Number><![CDATA[20.00.00-A00-3-14]]></Number></Case>
          <IsPublic><![CDATA[True]]></IsPublic>
          <Number><![CDATA[1]]></Number>
          <Fields>
            <ItemField ID="2"><Caption><![CDATA[Indstilling]]></Caption>
              <Content><![CDATA[<p>Forvaltningen indstiller, at</p>
                <ol><li>der gives tilskud p&aring; 45.000 kr.</li></ol>]]></Content>
              <Index><![CDATA[2]]></Index></ItemField>
            <ItemField ID="1"><Caption><![CDATA[Sagsfremstilling]]></Caption>
              <Content><![CDATA[<p>Spejderne s&oslash;ger om tilskud til et nyt tag.</p>]]></Content>
              <Index><![CDATA[1]]></Index></ItemField>
            <ItemField ID="3"><Caption><![CDATA[Beslutning]]></Caption>
              <Content><![CDATA[<p>Tomt indhold</p>]]></Content>
              <Index><![CDATA[3]]></Index></ItemField>
          </Fields>
          <Enclosures>
            <Enclosure ID="9"><Name><![CDATA[ansøgning fra spejderne]]></Name><Index><![CDATA[1]]></Index></Enclosure>
          </Enclosures>
        </Item>
        <Item ID="11">
          <Caption><![CDATA[Personalesag]]></Caption>
          <Case ID="0"><Number></Number></Case>
          <IsPublic><![CDATA[False]]></IsPublic>
          <Number><![CDATA[2]]></Number>
          <Fields/>
        </Item>
      </Items>
    </Agenda>
  </Agendas>
</Publication>
"""

ACADRE = """<?xml version="1.0"?>
<root><table name="agenda"><fields><field name="name">Referat</field></fields>
<table name="committee"><fields><field name="name">Børne- og Skoleudvalget</field></fields></table>
<table name="meeting"><fields><field name="date">2015-11-04 14:00</field>
<field name="location">Rådhuset, lokale 3</field></fields>
<table name="meetmember"><table name="member"><fields><field name="name">Karen Lund (A)</field>
<field name="absent">0</field></fields></table><table name="member"><fields><field name="name">Per Dal (O)</field>
<field name="absent">1</field></fields></table></table></table>
<table name="agendaitemparents"><fields><field name="sort">88</field></fields>
<table name="agendaitem"><fields><field name="name">Skolestruktur 2016</field><field name="caseno">15/1234</field>
<field name="accessname">Åben</field></fields>
<table name="bullet"><fields><field name="bulletname">Indstilling</field>
<field name="bulletcontent">&lt;p&gt;Direktøren indstiller, at strukturen sendes i høring.&lt;/p&gt;</field>
<field name="bulletsortorder">1</field></fields></table>
<table name="bullet"><fields><field name="bulletname">Beslutning i Børne- og Skoleudvalget den 04-11-2015</field>
<field name="bulletcontent">&lt;p&gt;Godkendt.&lt;/p&gt;</field><field name="bulletsortorder">2</field></fields></table>
<table name="enclosure"><fields><field name="name">Høringsmateriale</field><field name="sort">1</field></fields></table>
</table></table></table></root>
"""

AGENDAWEB = """\ufeff<Root xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/">
  <edoc:OutputTypeEnumName>Agenda</edoc:OutputTypeEnumName>
  <edoc:Committee>
    <edoc:Name>Økonomiudvalget</edoc:Name>
    <edoc:Meeting>
      <edoc:MeetingDateTime>14-09-2016 08:30</edoc:MeetingDateTime>
      <edoc:MeetingLocation>Byrådssalen</edoc:MeetingLocation>
      <edoc:MeetingParticipants>
        <edoc:MeetingParticipant><edoc:Name>Lise Nør</edoc:Name><edoc:Participate>true</edoc:Participate>
        </edoc:MeetingParticipant>
        <edoc:MeetingParticipant><edoc:Name>Ole Ris</edoc:Name><edoc:Participate>false</edoc:Participate>
        </edoc:MeetingParticipant>
      </edoc:MeetingParticipants>
      <edoc:Agenda>
        <edoc:Type>Dagsorden</edoc:Type>
        <edoc:AgendaElements>
          <edoc:AgendaElement>
            <edoc:AccessIsPublic>true</edoc:AccessIsPublic>
            <edoc:HandlingItem>
              <edoc:SerialNo>4</edoc:SerialNo>
              <edoc:Title>Budgetopfølgning</edoc:Title>
              <edoc:CaseNumber>2016-004411</edoc:CaseNumber>
              <edoc:CasePresentations>
                <edoc:CasePresentation><edoc:Title>Forvaltningen foreslår</edoc:Title>
                  <edoc:Content><![CDATA[<ul><li>At budgetopfølgningen tages til efterretning.</li></ul>]]>
                  </edoc:Content>
                </edoc:CasePresentation>
                <edoc:CasePresentation><edoc:Title>Økonomi</edoc:Title><edoc:Content/></edoc:CasePresentation>
              </edoc:CasePresentations>
              <edoc:Attachments>
                <edoc:Attachment><edoc:Title>Budgetopfølgning pr. 31. juli.pdf</edoc:Title></edoc:Attachment>
                <edoc:Attachment><edoc:Title>bilag til budget.xlsx</edoc:Title></edoc:Attachment>
              </edoc:Attachments>
            </edoc:HandlingItem>
          </edoc:AgendaElement>
          <edoc:AgendaElement>
            <edoc:AccessIsPublic>false</edoc:AccessIsPublic>
            <edoc:HandlingItem>
              <edoc:SerialNo>5</edoc:SerialNo>
              <edoc:Title>Underskriftsblad</edoc:Title>
              <edoc:CaseNumber/>
            </edoc:HandlingItem>
          </edoc:AgendaElement>
        </edoc:AgendaElements>
      </edoc:Agenda>
    </edoc:Meeting>
  </edoc:Committee>
</Root>
"""

EXPORTS = {
    "eDoc AgendaPublishing": EDOC,
    "SBSYS eDagsorden publication": SBSYS,
    "Acadre meeting XML": ACADRE,
    "eDoc/Fujitsu AgendaWeb XML": AGENDAWEB,
}


def _doc(text: str, path: str = "export.xml") -> dict[str, Any]:
    return document_to_dict(extract_bytes(text.encode("utf-8"), path))


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive_file:
        for name, data in members.items():
            archive_file.writestr(name, data)
    return buffer.getvalue()


# --- detection: the root element decides, never the name ------------------------------------------


@pytest.mark.parametrize("system", list(EXPORTS))
@pytest.mark.parametrize("path", ["export.xml", "download", "referat.txt", "3687981.XML"])
def test_each_export_is_detected_by_its_root_element(system: str, path: str) -> None:
    data = EXPORTS[system].encode("utf-8")
    assert detect_format(data, path) == "xml"
    assert detect_xml_kind(parse_xml(data, path)) == system


def test_html_inside_an_export_does_not_make_it_a_web_page() -> None:
    note = "<Note><![CDATA[<html><body><p>Forside</p></body></html>]]></Note>"
    early_html = SBSYS.replace("<Agendas>", note + "<Agendas>")
    assert detect_format(early_html.encode("utf-8"), "Publication9.xml") == "xml"
    xhtml = b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    assert detect_format(xhtml, "side.xml") == "html"


@pytest.mark.parametrize(
    ("xml", "named"),
    [
        pytest.param("<?xml version='1.0'?><Invoice><Line/></Invoice>", "<Invoice>", id="unknown-root"),
        pytest.param("<Meeting><Committee>Udvalg</Committee></Meeting>", "<Meeting>", id="meeting-without-agendas"),
        pytest.param("<Root xmlns:x='urn:other'><x:Committee/></Root>", "<Root>", id="root-in-other-namespace"),
        pytest.param("<feed xmlns='http://www.w3.org/2005/Atom'><entry/></feed>", "http://www.w3.org/2005/Atom",
                     id="namespace-named"),
    ],
)
def test_other_xml_is_refused_naming_its_root(xml: str, named: str) -> None:
    with pytest.raises(UnsupportedFormat) as raised:
        detect_format(xml.encode(), "data.xml")
    message = str(raised.value)
    assert "data.xml" in message and named in message and "\n" not in message


def test_malformed_xml_names_the_file() -> None:
    with pytest.raises(UnreadableDocument, match=r"cut\.xml: the XML is not well-formed"):
        read(b"<?xml version='1.0'?><Publication><Agendas>", "cut.xml", "xml")


def test_entities_are_never_expanded_nor_fetched(tmp_path: Any) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("HEMMELIG", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE Publication [<!ENTITY leak SYSTEM "file://{secret}">'
           '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           "<Publication><Agendas><Agenda><Items><Item><Number>1</Number><Caption>Tag &leak; &b;</Caption>"
           "</Item></Items></Agenda></Agendas></Publication>")
    doc = _doc(xml)
    assert "HEMMELIG" not in doc["items"][0]["title"]
    assert "aaaaaaaaaa" not in doc["items"][0]["title"]


# --- what each reader states on its lines ----------------------------------------------------------


def _headings(lines: tuple[Line, ...]) -> list[tuple[str, int | None, str | None, str | None, bool | None]]:
    return [(line.text, line.level, line.item, line.case, line.closed) for line in lines if line.heading]


def test_sbsys_lines_state_items_fields_and_attachments() -> None:
    raw = read(SBSYS.encode("utf-8"), "p.xml")
    assert _headings(raw.lines) == [
        ("Tilskud til spejderhytte", 2, "1", "20.00.00-A00-3-14", False),
        ("Sagsfremstilling", 3, None, None, None),  # fields in the order of their Index
        ("Indstilling", 3, None, None, None),
        ("Bilag", 3, None, None, None),  # the "Tomt indhold" decision field is left out
        ("Personalesag", 2, "2", None, True),
    ]
    attachment = raw.lines[[line.text for line in raw.lines].index("Bilag") + 1]
    assert (attachment.text, attachment.list_marker) == ("ansøgning fra spejderne", "•")
    assert raw.meeting == Meeting(committee="Kultur- og Fritidsudvalget", kind="agenda", date="2014-06-12",
                                  start_time="15:30", location="Mødelokale 2, Rådhuset",
                                  participants=("Anne Holm (A)", "Bo Vest (V)"))


def test_edoc_items_in_number_order_without_the_repeated_heading() -> None:
    raw = read(EDOC.encode("utf-8"), "e.xml")
    assert _headings(raw.lines) == [
        ("Meddelelser", 2, "1", None, False),
        ("Bilag", 3, None, None, None),  # item 1 prints no Bilag list: its attachment record is listed
        ("Renovering af Østervej", 2, "2", None, False),
        ("Køb af ejendom", 2, "3", None, True),
    ]
    texts = [line.text for line in raw.lines]
    assert "2. Renovering af Østervej" not in texts, "the full text's own first line repeats the heading"
    # item 2 prints its Bilag list, so the filed titles stay out; item 1 prints none and gets its record
    assert "Tegning af Østervej (arkiveret titel)" not in texts
    assert "Referat fra vejforum" in texts
    assert raw.meeting == Meeting(committee="Teknik- og Miljøudvalget", kind="minutes", date="2019-03-07",
                                  start_time="16:00")


def test_acadre_and_agendaweb_state_number_case_and_status() -> None:
    acadre = read(ACADRE.encode("utf-8"), "a.XML")
    assert _headings(acadre.lines)[0] == ("Skolestruktur 2016", 2, "88", "15/1234", False)
    assert acadre.meeting == Meeting(committee="Børne- og Skoleudvalget", kind="minutes", date="2015-11-04",
                                     start_time="14:00", location="Rådhuset, lokale 3",
                                     participants=("Karen Lund (A)",), absent=("Per Dal (O)",))
    web = read(AGENDAWEB.encode("utf-8"), "w.xml")
    assert [h for h in _headings(web.lines) if h[1] == 2] == [("Budgetopfølgning", 2, "4", "2016-004411", False),
                                                               ("Underskriftsblad", 2, "5", None, True)]
    assert web.meeting is not None and web.meeting.absent == ("Ole Ris",) and web.meeting.kind == "agenda"


def test_agendaweb_decision_from_the_handling_plan() -> None:
    plan = ("<edoc:HandlingPlan>"
            "<edoc:Handling><edoc:Placement>Previous</edoc:Placement>"
            "<edoc:Decision><![CDATA[<p>Udsat.</p>]]></edoc:Decision></edoc:Handling>"
            "<edoc:Handling><edoc:Placement>This</edoc:Placement>"
            "<edoc:Decision><![CDATA[<p>Godkendt.</p>]]></edoc:Decision></edoc:Handling>"
            "</edoc:HandlingPlan><edoc:Attachments>")
    minutes = AGENDAWEB.replace("<edoc:Attachments>", plan, 1).replace("<edoc:Type>Dagsorden", "<edoc:Type>Referat")
    first = _doc(minutes)["items"][0]
    assert first["decision"]["text"] == "Godkendt." and first["decision"]["outcome"] == "approved"
    not_released = minutes.replace("<p>Godkendt.</p>", "Beslutning ikke frigivet")
    assert _doc(not_released)["items"][0]["decision"] is None


def test_an_item_listed_without_a_number_is_still_an_item() -> None:
    unnumbered = SBSYS.replace("<Number><![CDATA[2]]></Number>", "")
    items = _doc(unnumbered)["items"]
    assert [(i["number"], i["title"]) for i in items] == [("1", "Tilskud til spejderhytte"), (None, "Personalesag")]


def test_an_empty_field_gives_no_heading() -> None:
    web = read(AGENDAWEB.encode("utf-8"), "w.xml")
    assert "Økonomi" not in [line.text for line in web.lines]


def test_html_fragment_lines_read_a_field_as_a_page_would() -> None:
    lines = html_fragment_lines("<p>Forvaltningen indstiller, at</p><ol><li>planen godkendes.</li></ol><p>&nbsp;</p>")
    assert [line.text for line in lines][0] == "Forvaltningen indstiller, at"
    assert any("planen godkendes." in line.text for line in lines)
    assert all(line.gap_before for line in lines)


# --- end to end: the fields an export states become the document's -----------------------------------


def test_sbsys_export_end_to_end() -> None:
    doc = _doc(SBSYS)
    assert schema_errors(doc) == []
    assert doc["source"]["format"] == "xml"
    first, second = doc["items"]
    assert (first["number"], first["title"], first["case_numbers"], first["closed"]) == (
        "1", "Tilskud til spejderhytte", ["20.00.00-A00-3-14"], False)
    assert first["recommendation"]["points"] == ["at der gives tilskud på 45.000 kr."]
    assert first["decision"] is None  # an agenda, and the field said "Tomt indhold"
    assert [a["title"] for a in first["attachments"]] == ["ansøgning fra spejderne"]
    assert [a["value"] for a in first["amounts"]] == [45000]
    assert (second["number"], second["closed"]) == ("2", True)
    assert doc["meeting"]["committee"] == "Kultur- og Fritidsudvalget"


def test_edoc_export_end_to_end() -> None:
    doc = _doc(EDOC)
    assert schema_errors(doc) == []
    assert [(i["number"], i["case_numbers"], i["closed"]) for i in doc["items"]] == [
        ("1", ["2019-1000"], False), ("2", ["2019-1234"], False), ("3", ["2019-21345"], True)]
    second = doc["items"][1]
    assert second["decision"] == {"text": "Indstillingen godkendt", "outcome": "approved",
                                  "by": second["decision"]["by"]}
    assert [a["title"] for a in second["attachments"]] == ["Tegning af Østervej"]
    assert [a["title"] for a in doc["items"][0]["attachments"]] == ["Referat fra vejforum"]
    assert doc["meeting"]["kind"] == "minutes" and doc["meeting"]["date"] == "2019-03-07"


def test_acadre_export_end_to_end() -> None:
    [item] = _doc(ACADRE)["items"]
    assert (item["number"], item["case_numbers"]) == ("88", ["15/1234"])
    assert item["decision"]["text"] == "Godkendt." and item["decision"]["outcome"] == "approved"
    assert [a["title"] for a in item["attachments"]] == ["Høringsmateriale"]


def test_agendaweb_export_end_to_end() -> None:
    doc = _doc(AGENDAWEB)
    first, signatures = doc["items"]
    assert first["recommendation"]["points"] == ["At budgetopfølgningen tages til efterretning."]
    # a lower-case title is an entry of its own: the list states each one
    assert [a["title"] for a in first["attachments"]] == ["Budgetopfølgning pr. 31. juli.pdf", "bilag til budget.xlsx"]
    assert (signatures["number"], signatures["title"], signatures["closed"]) == ("5", "Underskriftsblad", True)
    assert doc["meeting"]["absent"] == ["Ole Ris"]


def test_stated_meeting_facts_fill_only_what_the_header_lacks() -> None:
    header = Meeting(committee="Økonomiudvalget", date=None)
    stated = Meeting(committee="ØKONOMIUDVALGET", date="2020-01-02", kind="agenda")
    assert header.or_stated(stated) == Meeting(committee="Økonomiudvalget", date="2020-01-02", kind="agenda")
    assert header.or_stated(None) is header


# --- ZIP, old Word --------------------------------------------------------------------------------------


def test_a_zip_holding_an_export_is_read_through() -> None:
    data = _zip({"Publication9/Publication9.xml": SBSYS.encode("utf-8"), "Publication9/Enclosures/1.pdf": b"%PDF-1.4"})
    assert detect_format(data, "Publication9.zip") == "xml"
    doc = document_to_dict(extract_bytes(data, "Publication9.zip"))
    assert doc["source"]["format"] == "xml" and len(doc["items"]) == 2


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        pytest.param({"a.txt": b"Referat"}, "holds no meeting export", id="no-export"),
        pytest.param({"a.xml": b"<Invoice/>"}, "holds no meeting export", id="other-xml"),
        pytest.param({"a.xml": SBSYS.encode(), "b/b.xml": ACADRE.encode()}, "holds 2 meeting exports", id="two"),
        pytest.param({"bomb.xml": b"<a>" + b" " * 5_000_000 + b"</a>"}, "zip bomb", id="ratio"),
    ],
)
def test_other_zips_are_refused_clearly(members: dict[str, bytes], reason: str) -> None:
    with pytest.raises(UnsupportedFormat, match=reason) as raised:
        detect_format(_zip(members), "arkiv.zip")
    assert "arkiv.zip" in str(raised.value)


def test_a_zip_with_too_many_members_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_ZIP_MEMBERS", 3)
    data = _zip({f"{n}.txt": b"x" for n in range(4)})
    with pytest.raises(UnsupportedFormat, match="4 members"):
        detect_format(data, "arkiv.zip")


def test_a_zip_unpacking_to_too_much_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_ZIP_TOTAL_BYTES", 10_000)
    data = _zip({"a.xml": b"<a>" + b"x" * 6000 + b"</a>", "b.xml": b"<b>" + b"y" * 6000 + b"</b>"})
    with pytest.raises(UnsupportedFormat, match="unpacks to more than"):
        detect_format(data, "arkiv.zip")


def test_a_member_larger_than_its_directory_claims_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_EXPORT_BYTES", 1000)
    data = _zip({"big.xml": b"<Publication>" + b"x" * 5000 + b"</Publication>"}, zipfile.ZIP_STORED)
    with pytest.raises(UnsupportedFormat, match="larger than"):
        detect_format(data, "arkiv.zip")


def test_an_old_word_document_says_how_to_convert_it() -> None:
    data = archive.OLE_SIGNATURE + b"\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnsupportedFormat, match=r"referat\.doc: .*old Word.*libreoffice --headless --convert-to docx"):
        detect_format(data, "referat.doc")


# --- Word --------------------------------------------------------------------------------------------


def _word(build: Any) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _danish_heading(document: Any, level: int) -> str:
    name = f"Overskrift {level}"
    if name not in [s.name for s in document.styles]:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
    return name


def test_word_headings_lists_tables_in_reading_order() -> None:
    def build(document: Any) -> None:
        table = document.add_table(rows=2, cols=2)
        for row, (label, value) in enumerate([("Udvalg", "Teknisk Udvalg"), ("Mødedato", "3. maj 2022")]):
            table.cell(row, 0).text, table.cell(row, 1).text = label, value
        document.add_paragraph("1. Vejplan 2023", style="Heading 1")
        document.add_paragraph("Sagsfremstilling", style=_danish_heading(document, 2))
        document.add_paragraph("Planen er klar.")
        document.add_paragraph("Indstilling", style="Heading 2")
        document.add_paragraph("planen godkendes", style="List Number")
        document.add_paragraph("budgettet afsættes", style="List Number")
        document.add_paragraph("Bilag", style="Heading 3")
        document.add_paragraph("kort over vejene", style="List Bullet")
        bold = document.add_paragraph().add_run("Beslutning")
        bold.bold = True
        document.add_paragraph("Godkendt.")

    raw = read(_word(build), "referat.docx")
    assert raw.format == "docx"
    rows = [(line.text, line.cell) for line in raw.lines if line.cell]
    assert rows == [("Udvalg Teknisk Udvalg", (0, 0, 0)), ("Mødedato 3. maj 2022", (0, 1, 0))]
    summary = [(line.text, line.heading, line.level, line.list_marker) for line in raw.lines if not line.cell]
    assert summary == [
        ("1. Vejplan 2023", True, 1, None),
        ("Sagsfremstilling", True, 2, None),
        ("Planen er klar.", False, None, None),
        ("Indstilling", True, 2, None),
        ("planen godkendes", False, None, "1."),
        ("budgettet afsættes", False, None, "2."),
        ("Bilag", True, 3, None),
        ("kort over vejene", False, None, "•"),
        ("Beslutning", True, None, None),
        ("Godkendt.", False, None, None),
    ]
    assert all(line.gap_before for line in raw.lines)


def test_word_text_inside_content_controls_is_read_in_order() -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Dagsorden")
        wrapped = document.add_paragraph("Udvalg: Social- og Sundhedsudvalget")._p
        document.add_paragraph("Punkt 1: Godkendelse af dagsorden", style="Heading 1")
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        control = etree.Element(f"{w}sdt")
        content = etree.SubElement(control, f"{w}sdtContent")
        wrapped.addprevious(control)
        content.append(wrapped)

    texts = [line.text for line in read(_word(build), "dagsorden.docx").lines]
    assert texts == ["Dagsorden", "Udvalg: Social- og Sundhedsudvalget", "Punkt 1: Godkendelse af dagsorden"]


def test_word_document_end_to_end() -> None:
    def build(document: Any) -> None:
        document.sections[0].header.paragraphs[0].text = "Gladsaxe Kommune\tSide 1"
        document.add_paragraph("Udvalg: Teknisk Udvalg")
        document.add_paragraph("Mødedato: 3. maj 2022")
        document.add_paragraph("Punkt 1: Vejplan 2023", style="Heading 1")
        document.add_paragraph("Sagsnr.: 05.01.00-P20-1-22")
        document.add_paragraph("Beslutning", style="Heading 2")
        document.add_paragraph("Godkendt.")

    doc = document_to_dict(extract_bytes(_word(build), "referat.docx"))
    assert schema_errors(doc) == []
    [item] = doc["items"]
    assert (item["number"], item["title"], item["case_numbers"]) == ("1", "Vejplan 2023", ["05.01.00-P20-1-22"])
    assert item["decision"]["outcome"] == "approved"
    assert (doc["meeting"]["committee"], doc["meeting"]["date"]) == ("Teknisk Udvalg", "2022-05-03")
    assert doc["meeting"]["municipality"] == "Gladsaxe Kommune", "named by the letterhead in the page header"


def test_word_headings_numbered_by_word_are_items() -> None:
    def build(document: Any) -> None:
        numbering = document.styles["List Number"].element.pPr.numPr
        document.add_paragraph("Udvalg: Teknisk Udvalg")
        for title, case in (("Vejplan 2023", "05.01.00-P20-1-22"), ("Cykelsti langs Ringvejen", "05.01.00-P20-2-22")):
            heading = document.add_paragraph(title, style="Heading 1")
            heading._p.get_or_add_pPr().append(copy.deepcopy(numbering))  # Word numbers the heading: "1." is no text
            document.add_paragraph(f"Sagsnr.: {case}")

    data = _word(build)
    assert [line.list_marker for line in read(data, "referat.docx").lines if line.heading] == ["1.", "2."]
    items = document_to_dict(extract_bytes(data, "referat.docx"))["items"]
    assert [(i["number"], i["title"]) for i in items] == [("1", "Vejplan 2023"), ("2", "Cykelsti langs Ringvejen")]


def test_word_tables_of_label_and_text_cells_give_sections() -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Referat - Økonomiudvalget - 4. marts 2020")
        for number, title, case, decision in ((1, "Godkendelse af dagsorden", "20/01234", "Godkendt."),
                                              (2, "Ny affaldsordning", "19/20456", "Udsat.")):
            table = document.add_table(rows=4, cols=2)
            for row, (label, text) in enumerate(((f"Punkt {number}", title), ("Sagsnr.", case),
                                                 ("Udvalg:", "Økonomiudvalget"), ("Beslutning", decision))):
                table.cell(row, 0).text, table.cell(row, 1).text = label, text

    items = document_to_dict(extract_bytes(_word(build), "referat.docx"))["items"]
    assert [(i["number"], i["case_numbers"], i["decision"]["text"], i["decision"]["outcome"]) for i in items] == [
        ("1", ["20/01234"], "Godkendt.", "approved"), ("2", ["19/20456"], "Udsat.", "postponed")]


def test_a_damaged_word_document_is_unreadable() -> None:
    data = _zip({"word/document.xml": b"<w:document/>"})
    with pytest.raises(UnreadableDocument, match=r"referat\.docx: the Word document cannot be opened"):
        extract_bytes(data, "referat.docx")


def test_the_word_fixture_is_what_its_script_builds() -> None:
    assert built_by(FIXTURES / "make_word_fixture.py") == (FIXTURES / "w1_word_tmu_referat.docx").read_bytes(), \
        "run python fixtures/make_word_fixture.py and commit the result"


def test_recursive_run_picks_up_exports(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from minutes_cli.cli import app

    folder = tmp_path / "arkiv"
    (folder / "2014").mkdir(parents=True)
    (folder / "2014" / "Publication9.zip").write_bytes(_zip({"Publication9/Publication9.xml": SBSYS.encode()}))
    (folder / "2016" / "agendaweb").mkdir(parents=True)
    (folder / "2016" / "agendaweb" / "dagsorden.xml").write_text(AGENDAWEB, encoding="utf-8")
    (folder / "referat.docx").write_bytes((FIXTURES / "w1_word_tmu_referat.docx").read_bytes())
    (folder / "gammel.doc").write_bytes(archive.OLE_SIGNATURE + b"\x00" * 64 + "WordDocument".encode("utf-16-le"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["extract", "-r", "arkiv", "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 1, "the old .doc fails, named, and the rest are read"
    records = [json.loads(line) for line in result.stdout.splitlines()]
    read_ok = {Path(r["source"]["path"]).name: r["source"]["format"] for r in records if "error" not in r}
    assert read_ok == {"Publication9.zip": "xml", "dagsorden.xml": "xml", "referat.docx": "docx"}
    assert "gammel.doc" in result.stderr and "libreoffice --headless --convert-to docx" in result.stderr


# --- properties ------------------------------------------------------------------------------------

_TITLE = st.text(alphabet="abcdefghijklmnoprstuvyæøå ", min_size=1, max_size=40).map(
    lambda t: " ".join(("Sag om " + t).split()))
_ITEM = st.tuples(st.integers(min_value=1, max_value=999), _TITLE, st.booleans())


def _publication(items: list[tuple[int, str, bool]]) -> str:
    rows = "".join(
        f"<Item><Caption>{escape(title)}</Caption><Number>{number}</Number>"
        f"<IsPublic>{'False' if closed else 'True'}</IsPublic><Fields><ItemField><Caption>Sagsfremstilling</Caption>"
        f"<Content>{escape('<p>' + title + ' er beskrevet.</p>')}</Content><Index>1</Index></ItemField></Fields>"
        "</Item>"
        for number, title, closed in items)
    return f"<Publication><Agendas><Agenda><Items>{rows}</Items></Agenda></Agendas></Publication>"


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ITEM, min_size=1, max_size=6, unique_by=lambda item: item[0]))
def test_stated_items_come_out_as_stated(items: list[tuple[int, str, bool]]) -> None:
    doc = _doc(_publication(items))
    assert schema_errors(doc) == []
    found = [(item["number"], item["title"], item["closed"]) for item in doc["items"]]
    assert found == [(str(number), title, closed) for number, title, closed in items]
