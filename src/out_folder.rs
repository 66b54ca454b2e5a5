//! What marks a folder as speechstat's output: the state folder a run keeps in it, and the
//! record there of the files the last run wrote. Reading uses it to pass over results;
//! writing, to replace only its own files.

use std::path::{Component, Path};

/// The folder inside an output folder that holds speechstat's state; it marks an output
/// folder, which is never read as input.
pub(crate) const STATE_FOLDER: &str = ".speechstat";

/// The record of the files the last run wrote, one path (relative to the output folder, `/`
/// between folders) a line, itself among them.
pub(crate) const RECORD: &str = ".speechstat/outputs";

/// Whether `folder` is an output folder of speechstat (it holds [`STATE_FOLDER`]).
pub(crate) fn is_output_folder(folder: &Path) -> bool {
    folder.join(STATE_FOLDER).is_dir()
}

/// The files a run of speechstat wrote into `folder`, relative to it, as its record lists
/// them; `None` when it has no record. A line that would lead out of the folder is ignored.
pub(crate) fn recorded(folder: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(folder.join(RECORD)).ok()?;
    Some(
        text.lines()
            .filter(|line| stays_inside(line))
            .map(str::to_owned)
            .collect(),
    )
}

/// Whether `relative` names a file inside the folder it is relative to.
pub(crate) fn stays_inside(relative: &str) -> bool {
    !relative.is_empty()
        && Path::new(relative)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_leading_out_of_the_folder_is_not_followed() {
        for (line, inside) in [
            ("tables/a.csv", true),
            ("../a.csv", false),
            ("/etc/passwd", false),
            ("a/../../b", false),
            ("./a.csv", false),
            ("", false),
        ] {
            assert_eq!(stays_inside(line), inside, "{line}");
        }
    }
}
