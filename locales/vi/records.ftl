### units, people, lists and corrections

