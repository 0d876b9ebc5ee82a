use periop::store::{Account, Store};

#[test]
fn scratch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let admin = Account { name: "admin".into(), full_name: None };
    drop(Store::init(&path, &admin).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    let mut st = c.prepare("select type, name, rootpage from sqlite_master").unwrap();
    let v: Vec<(String, String, i64)> = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect();
    eprintln!("{v:?}");
}
