-- Long strings keep backslashes literally.
print([[a\nb]], #[[\x41]], [[\z
z]])
