# Encrypted logbooks: their keys, the key file and the passphrase.

cipher-no-randomness = the operating system gave no random bytes for a new key ({ $error }); nothing was changed
keys-bad-settings = the key could not be derived or sealed ({ $error })
keys-file-comment = # The key of the spotcheck logbook beside this file, locked by its passphrase.
    # Without the passphrase this file opens nothing. Keep a copy with the logbook's backups:
    # without this file and the keyring, the logbook cannot be opened, by anyone.
keys-file-damaged = the key file { $path } is damaged ({ $what }): restore it from the copy kept with your backups
keys-file-at = at { $position }
keys-file-unknown = the key file { $path } was written by a newer spotcheck: update spotcheck to open this logbook
keys-wrong-passphrase = the passphrase does not open the key file { $path }; nothing was changed: check it (letters with diacritics count, and so does their case) and try again
keys-writing-file = writing the key file { $path }
keys-removing-file = removing the key file { $path }
keys-reading-file = reading the key file { $path }
keys-no-key-file = is not a plain SQLite file: an encrypted logbook whose key is not in this computer's keyring, with no key file { $path } beside it to open with the passphrase, or not a logbook at all; if it is yours, put back the key file from the copy kept with your backups
keys-reading-passphrase-file = reading the passphrase file { $path } (SPOTCHECK_PASSPHRASE_FILE)
keys-passphrase-file-empty = the passphrase file { $path } (SPOTCHECK_PASSPHRASE_FILE) is empty: write the passphrase on its first line
keys-passphrase-file-not-text = the passphrase file { $path } (SPOTCHECK_PASSPHRASE_FILE) is not a file of text: name a file whose first line is the passphrase
keys-prompt-new = A passphrase for { $path } (at least 8 characters):
keys-prompt = The passphrase of { $path }:
keys-prompt-again = The same passphrase again:
keys-no-passphrase = needs a passphrase, and there is no terminal to type it at: run the command at a terminal, or name a file holding it with SPOTCHECK_PASSPHRASE_FILE
keys-passphrase-short = a passphrase needs at least { $min } characters; a few words are easier to remember than one short password
keys-file-of-another-logbook = is encrypted, and the key file { $file } beside it is the key of another logbook: put back this logbook's own key file
main-plaintext-needed = the logbook is encrypted, and `{ $file }` would hold what it shows in plain text: add `--plaintext` to write it all the same (or set `plaintext_outputs = true` in the config file), or leave out the file to see the result on the screen
main-plaintext-written = note: the logbook is encrypted; { $files } was written in plain text
