package dev.shimbun.backup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class BackupNotFoundException extends RuntimeException {

	BackupNotFoundException(String name) {
		super("No backup " + name);
	}

}
