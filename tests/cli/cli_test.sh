#!/usr/bin/env bash
# End-to-end tests of the thidua command line (API.md, "Command line"): the real binary on
# SQLite databases in a temporary folder. Usage: cli_test.sh PATH/TO/thidua
set -u

THIDUA=$(realpath "${1:?usage: cli_test.sh PATH/TO/thidua}")
[[ -x $THIDUA ]] || { echo "cli_test: $THIDUA is not an executable" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "cli_test: sqlite3 is required" >&2; exit 1; }
TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
cd "$TMP" || exit 1

DB="$TMP/x.db"
URL="sqlite:///$DB"
passed=0
failed=0

# run ARGS…: runs thidua; sets rc and leaves stdout/stderr in $TMP/out and $TMP/err.
run() {
  "$THIDUA" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
}
# run_stdin INPUT ARGS…: the same with INPUT on standard input.
run_stdin() {
  local input=$1
  shift
  printf '%s' "$input" | "$THIDUA" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}
fail() {
  echo "  $*"
  echo "  --- stdout:"
  awk '{print "  | " $0}' "$TMP/out"
  echo "  --- stderr:"
  awk '{print "  | " $0}' "$TMP/err"
  return 1
}
expect_rc() { [[ $rc == "$1" ]] || fail "exit status $rc, expected $1"; }
expect_out() { grep -qF -- "$1" "$TMP/out" || fail "stdout lacks: $1"; }
expect_err() { grep -qF -- "$1" "$TMP/err" || fail "stderr lacks: $1"; }
sql() { sqlite3 "$1" "$2"; }
expect_sql() {  # DB QUERY EXPECTED
  local got
  got=$(sql "$1" "$2")
  [[ $got == "$3" ]] || fail "$2 on $(basename "$1") gave '$got', expected '$3'"
}

write_files() {
  cat >"$TMP/units.csv" <<'EOF'
code,name,parent_code,kind,field,valid_from,valid_to
ROOT,UBND tỉnh Thanh Lâm,,ubnd_tinh,,,
A,Sở Giáo dục và Đào tạo,ROOT,so_ban_nganh,,,
A1,Trường THPT Lê Lợi,A,don_vi_su_nghiep,,,
EOF
  cat >"$TMP/bad.csv" <<'EOF'
code,full_name,gender,birth_date,unit_code,position,recruited_on
P10,Võ Thị Hoa,nu,1990-01-02,A1,Giáo viên,2015-08-15
P11,Hồ Văn Nam,xyz,1991-02-03,A1,,
P12,Lý Thị Mai,nu,1992-03-04,KHONG_CO,,
EOF
  cat >"$TMP/people.csv" <<'EOF'
code,full_name,gender,birth_date,unit_code,position,recruited_on
P10,Võ Thị Hoa,nu,02/01/1990,A1,Giáo viên,2015-08-15
P11,Hồ Văn Nam,nam,1991-02-03,A,,
EOF
}

test_help_exits_0() {
  run --help
  expect_rc 0 && expect_out "import" && expect_out "verify-audit"
}

test_unknown_subcommand_exits_2() {
  run frobnicate
  expect_rc 2 || return 1
  run import people  # FILE missing
  expect_rc 2 || return 1
  run user add --username lan --db "$URL"  # --role missing
  expect_rc 2 || return 1
  run backup --db "$URL"  # --out missing
  expect_rc 2
}

test_init_creates_an_admin() {
  run init --db "$URL"
  expect_rc 0 && expect_out "admin / " || return 1
  [[ -f $DB ]] || fail "no database file at $DB" || return 1
  expect_sql "$DB" "SELECT role FROM users WHERE username = 'admin'" admin || return 1
  run init --db "$URL"  # a second init keeps the account
  expect_rc 0 && expect_sql "$DB" "SELECT count(*) FROM users" 1
}

test_the_db_url_may_come_from_THIDUA_DB() {
  THIDUA_DB="sqlite:///$TMP/env.db" "$THIDUA" init >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  expect_rc 0 || return 1
  expect_sql "$TMP/env.db" "SELECT count(*) FROM users WHERE username = 'admin'" 1
}

test_a_bad_import_exits_1_naming_line_and_column_and_writes_nothing() {
  run import units "$TMP/units.csv" --db "$URL"
  expect_rc 0 || return 1
  local audit_rows
  audit_rows=$(sql "$DB" "SELECT count(*) FROM audit_log")
  run import people "$TMP/bad.csv" --db "$URL"
  expect_rc 1 && expect_err "dòng 3, cột gender" && expect_err "dòng 4, cột unit_code" || return 1
  expect_sql "$DB" "SELECT count(*) FROM people" 0 &&
    expect_sql "$DB" "SELECT count(*) FROM memberships" 0 &&
    expect_sql "$DB" "SELECT count(*) FROM audit_log" "$audit_rows"
}

test_an_unreadable_file_exits_1() {
  run import people "$TMP/khong-co.csv" --db "$URL"
  expect_rc 1 && expect_err "khong-co.csv"
}

test_a_good_import_exits_0_and_reimporting_adds_nothing() {
  run import people "$TMP/people.csv" --db "$URL"
  expect_rc 0 && expect_out "thêm mới 2" || return 1
  expect_sql "$DB" "SELECT count(*) FROM people" 2 || return 1
  local audit_rows
  audit_rows=$(sql "$DB" "SELECT count(*) FROM audit_log")
  run import people "$TMP/people.csv" --db "$URL"
  expect_rc 0 && expect_out "thêm mới 0" && expect_out "không đổi 2" || return 1
  expect_sql "$DB" "SELECT count(*) FROM people" 2 &&
    expect_sql "$DB" "SELECT count(*) FROM memberships" 2 &&
    expect_sql "$DB" "SELECT count(*) FROM audit_log" "$audit_rows"
}

test_user_add_reads_the_password_from_stdin() {
  run_stdin $'mat-khau-rat-dai\n' user add --username lan --role unit_officer --unit A --db "$URL"
  expect_rc 0 && expect_out "lan" || return 1
  expect_sql "$DB" "SELECT role FROM users WHERE username = 'lan'" unit_officer || return 1
  local hash
  hash=$(sql "$DB" "SELECT password_hash FROM users WHERE username = 'lan'")
  [[ $hash == "\$argon2id\$"* ]] || fail "password stored as '$hash'" || return 1
  run_stdin $'ngan\n' user add --username binh --role office --db "$URL"
  expect_rc 1 && expect_err "password" || return 1
  run_stdin $'mat-khau-rat-dai\n' user add --username binh --role unit_officer --db "$URL"  # no unit
  expect_rc 1 && expect_err "unit" || return 1
  expect_sql "$DB" "SELECT count(*) FROM users WHERE username = 'binh'" 0
}

# The password typed on stdin is the one that signs in over HTTP (thidua serve on a free port).
test_the_new_user_signs_in_to_the_served_database() {
  "$THIDUA" serve --db "$URL" --port 0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
  SERVER_PID=$!
  local base="" i
  for ((i = 0; i < 500; i++)); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$TMP/serve.out" 2>/dev/null)
    [[ -n $base ]] && break
    sleep 0.01
  done
  local status=1
  if [[ -n $base ]]; then
    local good bad
    good=$(curl -s -o "$TMP/out" -w '%{http_code}' -H 'Content-Type: application/json' \
      -d '{"username":"lan","password":"mat-khau-rat-dai"}' "$base/api/v1/auth/login")
    bad=$(curl -s -o "$TMP/err" -w '%{http_code}' -H 'Content-Type: application/json' \
      -d '{"username":"lan","password":"mat-khau-rat-dai\n"}' "$base/api/v1/auth/login")
    if [[ $good == 200 && $bad == 401 ]] && grep -q '"unit":"A"' "$TMP/out"; then status=0; fi
    [[ $status == 0 ]] || fail "login answered $good (expected 200), a wrong password $bad (expected 401)"
  else
    cp "$TMP/serve.out" "$TMP/out"
    cp "$TMP/serve.err" "$TMP/err"
    fail "the server did not print its address"
  fi
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
  return $status
}

# API.md: `thidua eligibility --json` prints the same JSON as the HTTP eligibility endpoint.
test_eligibility_json_equals_the_http_answer() {
  printf 'subject_type,subject_code,year,rating\nperson,P10,2023,HTXS\nperson,P10,2024,HTXS\n' >"$TMP/evaluations.csv"
  run import evaluations "$TMP/evaluations.csv" --db "$URL"
  expect_rc 0 || return 1
  run eligibility --year 2024 --person P10 --json --db "$URL"
  expect_rc 0 || return 1
  cp "$TMP/out" "$TMP/cli.json"
  grep -q '"award":"LDTT","eligible":true' "$TMP/cli.json" || fail "LDTT is not eligible in the CLI answer" || return 1
  "$THIDUA" serve --db "$URL" --port 0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
  SERVER_PID=$!
  local base="" i status=1
  for ((i = 0; i < 500; i++)); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$TMP/serve.out" 2>/dev/null)
    [[ -n $base ]] && break
    sleep 0.01
  done
  if [[ -n $base ]]; then
    local token
    token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"lan","password":"mat-khau-rat-dai"}' \
      "$base/api/v1/auth/login" | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
    curl -s -H "Authorization: Bearer $token" "$base/api/v1/people/P10/eligibility?year=2024" >"$TMP/http.json"
    if diff <(tr -d '\n' <"$TMP/cli.json") <(tr -d '\n' <"$TMP/http.json") >"$TMP/err"; then status=0; fi
    [[ $status == 0 ]] || fail "the CLI JSON differs from the HTTP body"
  else
    fail "the server did not print its address"
  fi
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
  return $status
}

# API.md: `thidua export eligibility --year YYYY --out FILE`: who qualifies, one row per subject and
# award, with the conditions and their legal basis; people and awards as the lists export them; forms
# are not available yet (usage error).
test_export_eligibility_writes_who_qualifies_as_xlsx() {
  run export eligibility --year 2024 --out "$TMP/elig.xlsx" --db "$URL"
  expect_rc 0 || return 1
  unzip -p "$TMP/elig.xlsx" xl/sharedStrings.xml >"$TMP/strings.xml" 2>/dev/null || fail "not an xlsx" || return 1
  local text
  for text in "Căn cứ, điều kiện" "P10" "Lao động tiên tiến" "Chiến sĩ thi đua cơ sở" "Điều 23 khoản 2 Luật TĐKT 2022"; do
    grep -qF "$text" "$TMP/strings.xml" || fail "the sheet lacks: $text" || return 1
  done
  run export eligibility --year 2024 --award CSTDCS --unit ROOT --out "$TMP/cstdcs.xlsx" --db "$URL"
  expect_rc 0 || return 1
  expect_out "Đã ghi 1 dòng" || return 1
  local rows
  rows=$(unzip -p "$TMP/cstdcs.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)
  [[ $rows == 2 ]] || fail "the CSTDCS sheet has $rows rows, expected a header and P10" || return 1
  unzip -p "$TMP/cstdcs.xlsx" xl/sharedStrings.xml | grep -qF "Lao động tiên tiến<" && fail "--award CSTDCS kept LDTT rows" && return 1
  run export eligibility --year 2010 --out "$TMP/old.xlsx" --db "$URL"
  expect_rc 1 || return 1
  expect_err "Chưa có bộ quy tắc cho năm 2010" || return 1
  run export eligibility --year 2024 --unit KHONG_CO --out "$TMP/x.xlsx" --db "$URL"
  expect_rc 1 || return 1
  run export people --year 2024 --out "$TMP/people.xlsx" --db "$URL"
  expect_rc 0 || return 1
  unzip -p "$TMP/people.xlsx" xl/sharedStrings.xml | grep -qF "P10" || fail "the people sheet lacks P10" || return 1
  run export awards --year 2024 --out "$TMP/awards.xlsx" --db "$URL"
  expect_rc 0 || return 1
  unzip -p "$TMP/awards.xlsx" xl/sharedStrings.xml | grep -qF "Số quyết định" || fail "no awards sheet" || return 1
  run export form-0601 --year 2024 --out "$TMP/form.xlsx" --db "$URL"
  expect_rc 2 || return 1
  expect_err "chưa được hỗ trợ" || return 1
  run export eligibility --year 2024 --award KHONG_CO --out "$TMP/x.xlsx" --db "$URL"
  expect_rc 2 || return 1
  run export eligibility --year 2024 --db "$URL"
  expect_rc 2 || return 1
  [[ ! -e $TMP/old.xlsx && ! -e $TMP/form.xlsx ]] || fail "a refused export wrote a file"
}

test_backup_produces_a_database_with_the_same_rows() {
  run backup --db "$URL" --out "$TMP/backup.db"
  expect_rc 0 || return 1
  [[ -s $TMP/backup.db ]] || fail "no backup file" || return 1
  expect_sql "$TMP/backup.db" "PRAGMA integrity_check" ok || return 1
  local table
  for table in units people memberships users audit_log; do
    expect_sql "$TMP/backup.db" "SELECT count(*) FROM $table" "$(sql "$DB" "SELECT count(*) FROM $table")" || return 1
  done
  run verify-audit --db "sqlite:///$TMP/backup.db"
  expect_rc 0
}

test_verify_audit_detects_an_edited_row() {
  run verify-audit --db "$URL"
  expect_rc 0 && expect_out "toàn vẹn" || return 1
  sql "$DB" "UPDATE audit_log SET actor = 'mallory' WHERE id = 2"
  run verify-audit --db "$URL"
  expect_rc 1 && expect_err "dòng 2"
}

test_verify_audit_detects_a_deleted_last_row() {
  local db="$TMP/y.db"
  run init --db "sqlite:///$db"
  expect_rc 0 || return 1
  run import units "$TMP/units.csv" --db "sqlite:///$db"
  expect_rc 0 || return 1
  run verify-audit --db "sqlite:///$db"
  expect_rc 0 || return 1
  sql "$db" "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"
  run verify-audit --db "sqlite:///$db"
  expect_rc 1 && expect_err "Nhật ký KHÔNG toàn vẹn"
}

# A mistyped --db must not "verify" (exit 0, "0 dòng") or back up an empty database.
test_verify_audit_and_backup_refuse_a_database_that_does_not_exist() {
  run verify-audit --db "sqlite:///$TMP/typo.db"
  expect_rc 1 || return 1
  run backup --db "sqlite:///$TMP/typo2.db" --out "$TMP/typo-backup.db"
  expect_rc 1 || return 1
  [[ ! -e $TMP/typo.db && ! -e $TMP/typo2.db ]] || fail "an empty database was created"
}

write_files
# In this order: the later tests use the database the earlier ones filled.
for test in test_help_exits_0 test_unknown_subcommand_exits_2 test_init_creates_an_admin \
  test_the_db_url_may_come_from_THIDUA_DB test_a_bad_import_exits_1_naming_line_and_column_and_writes_nothing \
  test_an_unreadable_file_exits_1 test_a_good_import_exits_0_and_reimporting_adds_nothing \
  test_user_add_reads_the_password_from_stdin test_the_new_user_signs_in_to_the_served_database \
  test_eligibility_json_equals_the_http_answer test_export_eligibility_writes_who_qualifies_as_xlsx \
  test_backup_produces_a_database_with_the_same_rows test_verify_audit_detects_an_edited_row \
  test_verify_audit_detects_a_deleted_last_row \
  test_verify_audit_and_backup_refuse_a_database_that_does_not_exist; do
  if "$test"; then
    passed=$((passed + 1))
    echo "ok   ${test#test_}"
  else
    failed=$((failed + 1))
    echo "FAIL ${test#test_}"
  fi
done
known=0
known_bugs=()
for test in "${known_bugs[@]}"; do
  if "$test" >"$TMP/xfail.log"; then
    failed=$((failed + 1))
    echo "XPASS ${test#test_} (fixed? move it to the tests above)"
  else
    known=$((known + 1))
    echo "xfail ${test#test_}"
  fi
done
echo "cli_test: $passed passed, $failed failed, $known known bug(s)"
[[ $failed == 0 ]]
