//! Issue 14: the domain's refusals in a command's output, in French with
//! `--lang fr`: a label `periop stock receive --scan` cannot read (GS1,
//! HIBC), a distraction prescription `periop distraction add` refuses and a
//! hexapod table `periop hexapod import` refuses line by line. The words a
//! file or a script reads (the table's lines, the colour codes) stay as
//! they are.

mod cli_support;

use cli_support::{free_patient, ok, periop_at, refused};

const NOW: &str = "2026-11-22T09:30";

#[test]
fn the_domains_refusals_are_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    ok(periop_at(dir, NOW, &["demo"], None));
    let fr = |args: &[&str], stdin: Option<&str>| {
        let mut all = vec!["--lang", "fr"];
        all.extend_from_slice(args);
        refused(periop_at(dir, NOW, &all, stdin))
    };

    let err = fr(&["stock", "receive", "--scan", "(01)03453120000074(10)Z2"], None);
    assert!(err.contains("la clé de contrôle est 4 mais les chiffres qui la précèdent donnent 3"), "{err}");
    assert!(!err.contains("check digit"), "{err}");
    let err = fr(&["stock", "receive", "--scan", "+A123BJC5D6E71H"], None);
    assert!(err.contains("étiquette HIBC +A123BJC5D6E71H\u{a0}: le caractère de contrôle est H"), "{err}");

    let hn = free_patient(dir);
    let add = |target: &'static str| -> Vec<&str> {
        let case = ["distraction", "add", "--patient", &hn, "--site", "tibia", "--device", "hexapod"];
        [&case[..], &["--osteotomy", "2026-11-15", "--target", target, "--mm-per-turn", "0.25"]].concat()
    };
    let err = fr(&add("30.3"), None);
    assert!(err.contains("une cible de 30,3 mm n'est pas un nombre entier de tours de 0,25 mm"), "{err}");
    assert!(err.contains("prenez 30,25 ou 30,5 mm"), "{err}");
    ok(periop_at(dir, NOW, &add("3"), None));
    let table = "plan,3,1\nstrut,1,pink,medium,151,251\n";
    let err = fr(&["hexapod", "import", "--patient", &hn, "--file", "-"], Some(table));
    assert!(
        err.contains(
            "ligne 2\u{a0}: \"pink\" n'est pas une couleur de vérin\u{a0}; écrivez l'un de ces codes\u{a0}: red, orange"
        ),
        "{err}"
    );
}
