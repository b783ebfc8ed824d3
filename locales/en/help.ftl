### What clap writes around the help, in English. The help of each command and
### flag is the doc comments of src/cli.rs and is not repeated here; vi/help.ftl
### translates it: help-COMMAND-PATH is a command (the root is help-spotcheck),
### help-PATH--ARG one of its arguments, help-PATH--ARG--VALUE one value of it.

## What clap writes around the texts.

help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-global = Global options
help-heading-example = Example
help-heading-examples = Examples
help-heading-field-day = A field day
help-flag-help = Print help (see more with '--help')
help-flag-help-long = Print help (see a summary with '-h')
help-flag-version = Print version
help-command-help = Print this message or the help of the given subcommand(s)
help-values = Possible values
help-values-inline = possible values
help-default = default
