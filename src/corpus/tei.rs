//! ParlaMint TEI XML, as text: a sitting's id, date and house from its header, and each
//! utterance (`<u xml:id who ana>`) with the text of its `<seg>` paragraphs. Transcriber
//! marks (`<note>`, `<gap>`, `<kinesic>`, `<vocal>`, `<incident>`) are left out of the text
//! and counted, like bracketed annotations in plain text; with `keep` their words stay, in
//! brackets. Also the person and party lists (`-listPerson.xml`, `-listOrg.xml`).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Elements that mark what happened rather than what was said.
const MARKS: [&[u8]; 5] = [b"note", b"gap", b"kinesic", b"vocal", b"incident"];

/// A sitting as its TEI file gives it.
#[derive(Debug, Default)]
pub struct TeiSitting {
    /// The root's `xml:id` (ParlaMint's `Text_ID`).
    pub text_id: String,
    /// The sitting's date (`<setting><date when>`), ISO.
    pub date: String,
    /// `Lower house`, `Upper house` or `Unicameralism`, from the meeting's `#parla.*`.
    pub house: String,
    pub utterances: Vec<TeiUtterance>,
    /// Transcriber marks between utterances.
    pub marks_between: u32,
}

/// One utterance.
#[derive(Debug, Default)]
pub struct TeiUtterance {
    pub id: String,
    /// The speaker's person id, without `#`.
    pub who: String,
    /// `Regular`, `Chairperson` or `Guest`, from `ana` (`#regular`, `#chair`, `#guest`).
    pub role: String,
    /// The segments' texts, whitespace collapsed, joined by a space (as ParlaMint's own
    /// plain-text files join them).
    pub text: String,
    /// Transcriber marks inside the utterance.
    pub marks: u32,
}

/// The next XML event, or a message saying where the XML is broken.
fn next_event<'x>(reader: &mut Reader<&'x [u8]>) -> Result<Event<'x>, String> {
    reader.read_event().map_err(|e| {
        format!(
            "not well-formed XML at byte {}: {e}",
            reader.error_position()
        )
    })
}

/// Parses a sitting; an error is the XML parser's message.
pub fn parse_sitting(xml: &str, keep_marks: bool) -> Result<TeiSitting, String> {
    let mut reader = Reader::from_str(xml);
    let mut sitting = TeiSitting::default();
    let mut current: Option<TeiUtterance> = None;
    let mut segment: Option<String> = None;
    // Depth inside a transcriber mark (0: not in one), and its words when kept.
    let mut in_mark = 0usize;
    let mut mark_text = String::new();
    let mut in_setting = false;
    loop {
        let event = next_event(&mut reader)?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if in_mark > 0 {
                    in_mark += 1;
                    continue;
                }
                match name {
                    b"TEI" => sitting.text_id = attribute(&e, b"id").unwrap_or_default(),
                    b"setting" => in_setting = true,
                    b"u" => {
                        current = Some(TeiUtterance {
                            id: attribute(&e, b"id").unwrap_or_default(),
                            who: attribute(&e, b"who")
                                .unwrap_or_default()
                                .trim_start_matches('#')
                                .to_owned(),
                            role: role(&attribute(&e, b"ana").unwrap_or_default()),
                            ..TeiUtterance::default()
                        })
                    }
                    b"seg" if current.is_some() => segment = Some(String::new()),
                    _ if MARKS.contains(&name) => {
                        in_mark = 1;
                        mark_text.clear();
                    }
                    _ => {}
                }
                meeting_and_date(&e, name, in_setting, &mut sitting);
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if in_mark > 0 {
                    continue;
                }
                if MARKS.contains(&name) {
                    count_mark(&mut current, &mut sitting);
                }
                meeting_and_date(&e, name, in_setting, &mut sitting);
            }
            Event::End(e) => {
                if in_mark > 0 {
                    in_mark -= 1;
                    if in_mark == 0 {
                        count_mark(&mut current, &mut sitting);
                        if keep_marks && current.is_some() {
                            let words = collapse(&mark_text);
                            if !words.is_empty() {
                                let target =
                                    segment.as_mut().or(current.as_mut().map(|u| &mut u.text));
                                if let Some(target) = target {
                                    target.push_str(&format!(" [{words}] "));
                                }
                            }
                        }
                    }
                    continue;
                }
                match e.local_name().as_ref() {
                    b"setting" => in_setting = false,
                    b"seg" => {
                        if let (Some(text), Some(u)) = (segment.take(), current.as_mut()) {
                            append(&mut u.text, &text);
                        }
                    }
                    b"u" => {
                        if let Some(mut u) = current.take() {
                            u.text = collapse(&u.text);
                            sitting.utterances.push(u);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(e) => {
                let text = e.decode().map_err(|e| e.to_string())?;
                push_text(&text, in_mark, &mut mark_text, &mut segment, &mut current);
            }
            Event::CData(e) => {
                let text = e.decode().map_err(|e| e.to_string())?;
                push_text(&text, in_mark, &mut mark_text, &mut segment, &mut current);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or("")
                            .to_owned()
                    }
                };
                push_text(
                    &resolved,
                    in_mark,
                    &mut mark_text,
                    &mut segment,
                    &mut current,
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(sitting)
}

fn count_mark(current: &mut Option<TeiUtterance>, sitting: &mut TeiSitting) {
    match current {
        Some(u) => u.marks += 1,
        None => sitting.marks_between += 1,
    }
}

/// Text goes to the mark being skipped, the open segment, or the utterance itself (text
/// outside `<seg>`); text outside utterances (headings, the header) is not speech.
fn push_text(
    text: &str,
    in_mark: usize,
    mark_text: &mut String,
    segment: &mut Option<String>,
    current: &mut Option<TeiUtterance>,
) {
    if in_mark > 0 {
        mark_text.push_str(text);
    } else if let Some(segment) = segment {
        segment.push_str(text);
    } else if let Some(u) = current {
        u.text.push_str(text);
    }
}

/// Adds a segment to an utterance's text, a space between.
fn append(text: &mut String, segment: &str) {
    let segment = collapse(segment);
    if segment.is_empty() {
        return;
    }
    if !text.trim().is_empty() {
        text.push(' ');
    }
    text.push_str(&segment);
}

/// Whitespace runs (line breaks and indentation of the XML) as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The header's house (`<meeting ana="#parla.lower ...">`) and date (`<setting><date when>`).
fn meeting_and_date(e: &BytesStart<'_>, name: &[u8], in_setting: bool, sitting: &mut TeiSitting) {
    match name {
        b"meeting" if sitting.house.is_empty() => {
            let ana = attribute(e, b"ana").unwrap_or_default();
            sitting.house = house(&ana).to_owned();
        }
        b"date" if in_setting && sitting.date.is_empty() => {
            sitting.date = attribute(e, b"when").unwrap_or_default();
        }
        _ => {}
    }
}

/// The house as ParlaMint's metadata files name it.
fn house(ana: &str) -> &'static str {
    let has = |code: &str| ana.split_whitespace().any(|a| a == code);
    if has("#parla.lower") {
        "Lower house"
    } else if has("#parla.upper") {
        "Upper house"
    } else if has("#parla.uni") {
        "Unicameralism"
    } else {
        ""
    }
}

/// The speaker's role as ParlaMint's metadata files name it.
fn role(ana: &str) -> String {
    let first = ana.split_whitespace().find(|a| a.starts_with('#'));
    match first {
        Some("#chair") => "Chairperson".into(),
        Some("#regular") => "Regular".into(),
        Some("#guest") => "Guest".into(),
        Some(other) => other.trim_start_matches('#').into(),
        None => String::new(),
    }
}

/// An attribute's value by local name (`xml:id` is `id`), entities resolved.
fn attribute(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

/// A person of `-listPerson.xml`.
#[derive(Debug, Default, Clone)]
pub struct Person {
    /// "Surname, Forenames", as ParlaMint's metadata files write names.
    pub name: String,
    /// `M`, `F`, ... from `<sex value>`.
    pub gender: String,
    /// Party memberships: the party's id (without `#`) and the ISO dates they ran from and to
    /// (empty: open).
    pub parties: Vec<(String, String, String)>,
}

impl Person {
    /// The party the person belonged to on `date` (ISO), or the last one listed when the
    /// dates say nothing.
    pub fn party_on(&self, date: &str) -> Option<&str> {
        let within = |from: &str, to: &str| {
            (from.is_empty() || from[..from.len().min(10)] <= *date)
                && (to.is_empty() || *date <= to[..to.len().min(10)])
        };
        self.parties
            .iter()
            .rev()
            .find(|(_, from, to)| within(from, to))
            .map(|(party, _, _)| party.as_str())
    }
}

/// Persons by id, from `-listPerson.xml`.
pub fn parse_persons(xml: &str) -> Result<HashMap<String, Person>, String> {
    let mut reader = Reader::from_str(xml);
    let mut persons = HashMap::new();
    let mut current: Option<(String, Person)> = None;
    let mut surnames: Vec<String> = Vec::new();
    let mut forenames: Vec<String> = Vec::new();
    let mut field: Option<&'static str> = None;
    let mut in_name = false;
    loop {
        let event = next_event(&mut reader)?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"person" => {
                    current = Some((attribute(&e, b"id").unwrap_or_default(), Person::default()));
                    surnames.clear();
                    forenames.clear();
                }
                b"persName" => in_name = surnames.is_empty() && forenames.is_empty(),
                b"surname" if in_name => field = Some("surname"),
                b"forename" if in_name => field = Some("forename"),
                b"sex" => {
                    if let Some((_, person)) = current.as_mut() {
                        person.gender = attribute(&e, b"value").unwrap_or_default();
                    }
                }
                b"affiliation" => {
                    let role = attribute(&e, b"role").unwrap_or_default();
                    let reference = attribute(&e, b"ref").unwrap_or_default();
                    if let Some((_, person)) = current.as_mut() {
                        if role == "member" && reference.starts_with("#party") {
                            person.parties.push((
                                reference.trim_start_matches('#').to_owned(),
                                attribute(&e, b"from").unwrap_or_default(),
                                attribute(&e, b"to").unwrap_or_default(),
                            ));
                        }
                    }
                }
                _ => {}
            },
            Event::Text(e) => {
                let text = e.decode().map_err(|e| e.to_string())?;
                match field {
                    Some("surname") => surnames.push(collapse(&text)),
                    Some(_) => forenames.push(collapse(&text)),
                    None => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"surname" | b"forename" => field = None,
                b"persName" => in_name = false,
                b"person" => {
                    if let Some((id, mut person)) = current.take() {
                        person.name = match (surnames.is_empty(), forenames.is_empty()) {
                            (false, false) => {
                                format!("{}, {}", surnames.join(" "), forenames.join(" "))
                            }
                            _ => [surnames.join(" "), forenames.join(" ")].join(""),
                        };
                        persons.insert(id, person);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(persons)
}

/// Party abbreviations (`<orgName full="abb">`) by org id, from `-listOrg.xml`.
pub fn parse_parties(xml: &str) -> Result<HashMap<String, String>, String> {
    let mut reader = Reader::from_str(xml);
    let mut parties = HashMap::new();
    let mut org: Option<String> = None;
    let mut in_abbreviation = false;
    loop {
        let event = next_event(&mut reader)?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"org" => org = attribute(&e, b"id"),
                b"orgName" => {
                    in_abbreviation = attribute(&e, b"full").as_deref() == Some("abb");
                }
                _ => {}
            },
            Event::Text(e) if in_abbreviation => {
                if let Some(id) = &org {
                    let text = e.decode().map_err(|e| e.to_string())?;
                    parties.entry(id.clone()).or_insert_with(|| collapse(&text));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"orgName" => in_abbreviation = false,
                b"org" => org = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(parties)
}

/// The sitting files a corpus root includes (`<xi:include href>` of `<TEI>` files), in
/// order, relative to the root.
pub fn included_sittings(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_str(xml);
    let mut hrefs = Vec::new();
    loop {
        let event = next_event(&mut reader)?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"include" => {
                if let Some(href) = attribute(&e, b"href") {
                    let name = href
                        .rsplit('/')
                        .next()
                        .unwrap_or(&href)
                        .to_ascii_lowercase();
                    if !(name.contains("-list") || name.contains("taxonomy")) {
                        hrefs.push(href);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(hrefs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITTING: &str = r##"<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="PM_2020-01-01-x">
 <teiHeader><fileDesc><titleStmt>
  <meeting n="1" corresp="#p" ana="#parla.upper #parla.term"/>
 </titleStmt></fileDesc>
 <profileDesc><settingDesc><setting><date when="2020-01-01"/></setting></settingDesc></profileDesc>
 </teiHeader>
 <text><body><div>
  <note>Prayers</note>
  <u xml:id="PM.u1" who="#Ann" ana="#chair">
   <seg>Order, <kinesic><desc>Applause</desc></kinesic>order &amp; calm.</seg>
   <seg>Next
     line.</seg>
   <gap reason="inaudible"/>
  </u>
  <u xml:id="PM.u2" who="#Bob" ana="#regular topic:x"><seg>Thank you.</seg><note>Laughter</note></u>
 </div></body></text>
</TEI>"##;

    #[test]
    fn utterances_keep_their_segments_and_leave_marks_out() {
        let sitting = parse_sitting(SITTING, false).unwrap();
        assert_eq!(sitting.text_id, "PM_2020-01-01-x");
        assert_eq!(sitting.date, "2020-01-01");
        assert_eq!(sitting.house, "Upper house");
        assert_eq!(sitting.marks_between, 1);
        let u = &sitting.utterances;
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].text, "Order, order & calm. Next line.");
        assert_eq!((u[0].id.as_str(), u[0].who.as_str()), ("PM.u1", "Ann"));
        assert_eq!((u[0].role.as_str(), u[0].marks), ("Chairperson", 2));
        assert_eq!(
            (u[1].text.as_str(), u[1].role.as_str(), u[1].marks),
            ("Thank you.", "Regular", 1)
        );
    }

    #[test]
    fn kept_marks_stay_in_brackets() {
        let sitting = parse_sitting(SITTING, true).unwrap();
        assert_eq!(
            sitting.utterances[0].text,
            "Order, [Applause] order & calm. Next line."
        );
        assert_eq!(sitting.utterances[1].text, "Thank you. [Laughter]");
    }

    #[test]
    fn persons_and_parties_from_their_lists() {
        let persons = parse_persons(
            r##"<listPerson><person xml:id="Ann"><persName><surname>Smith</surname><forename>Ann</forename><forename>B</forename></persName>
            <sex value="F"/><affiliation role="member" ref="#party.A" from="2010-01-01" to="2018-12-31"/>
            <affiliation role="member" ref="#party.B" from="2019-01-01"/></person></listPerson>"##,
        )
        .unwrap();
        let ann = &persons["Ann"];
        assert_eq!(
            (ann.name.as_str(), ann.gender.as_str()),
            ("Smith, Ann B", "F")
        );
        assert_eq!(ann.party_on("2017-05-01"), Some("party.A"));
        assert_eq!(ann.party_on("2020-05-01"), Some("party.B"));
        let parties = parse_parties(
            r#"<listOrg><org xml:id="party.A" role="politicalParty"><orgName full="yes">Alpha</orgName><orgName full="abb">AP</orgName></org></listOrg>"#,
        )
        .unwrap();
        assert_eq!(parties["party.A"], "AP");
    }
}
