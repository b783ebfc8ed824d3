### The program as a whole: errors, settings, the language itself.

error-line = error: { $message }
config-lang-env-unknown = SPOTCHECK_LANG `{ $value }` is not a language spotcheck speaks: set it to `vi` or `en`
config-lang-unknown = lang `{ $value }` is not a language spotcheck speaks: write `lang = "vi"` or `lang = "en"`

## Where a setting came from, as `spotcheck config` shows it.

source-default = default
source-file = config file
source-env = environment { $name }
source-flag = flag { $name }
source-data-dir = platform data dir
source-os-user = OS user
source-locale = locale
